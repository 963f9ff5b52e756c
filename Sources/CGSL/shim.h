#ifndef CGSL_SHIM_H
#define CGSL_SHIM_H
/* The C boundary of HessianLab. Only the Swift module GSLBridge imports this.
 * GSL headers plus the LAPACK and OpenBLAS entry points that Debian's
 * libopenblas exports but declares in no header that is always present. */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_exp.h>
#include <gsl/gsl_sf_log.h>
#include <gsl/gsl_sf_psi.h>

/* LAPACK (Fortran ABI, column-major): symmetric eigensolver, divide and conquer. */
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a,
             const int *lda, double *w, double *work, const int *lwork,
             int *iwork, const int *liwork, int *info);

/* LAPACK: Householder QR and the explicit Q factor. */
void dgeqrf_(const int *m, const int *n, double *a, const int *lda, double *tau,
             double *work, const int *lwork, int *info);
void dorgqr_(const int *m, const int *n, const int *k, double *a, const int *lda,
             const double *tau, double *work, const int *lwork, int *info);
/* LAPACK: singular values (divide and conquer). */
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda,
             double *s, double *u, const int *ldu, double *vt, const int *ldvt,
             double *work, const int *lwork, int *iwork, int *info);

/* LAPACK: Cholesky factorization (a positive-definiteness test). */
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info);

/* OpenBLAS thread control, and the name of the kernel set it chose for this CPU. */
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
char *openblas_get_corename(void);

/* The widest vector instructions this CPU has *and* the operating system saves
 * (CPUID leaves 1 and 7, XGETBV for XCR0): 2 = AVX-512 F, CD, BW, DQ and VL with
 * the ZMM state enabled; 1 = AVX2 and FMA with the YMM state enabled; 0 = neither,
 * or not x86-64. Intel SDM vol. 1 §13.3 / §15.2 (detecting OS support). */
#if defined(__x86_64__)
#include <cpuid.h>
static inline unsigned long long cgsl_xcr0(void) {
  unsigned int eax, edx;
  __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
  return ((unsigned long long)edx << 32) | eax;
}
static inline int cgsl_cpu_vector_level(void) {
  unsigned int a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
  int osxsave = (c >> 27) & 1, avx = (c >> 28) & 1, fma = (c >> 12) & 1;
  if (!osxsave || !avx) return 0;
  unsigned long long xcr0 = cgsl_xcr0();
  if ((xcr0 & 0x6) != 0x6) return 0;
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
  int avx2 = (b >> 5) & 1;
  if (!(avx2 && fma)) return 0;
  int f = (b >> 16) & 1, dq = (b >> 17) & 1, cd = (b >> 28) & 1, bw = (b >> 30) & 1, vl = (b >> 31) & 1;
  if (f && dq && cd && bw && vl && (xcr0 & 0xE6) == 0xE6) return 2;
  return 1;
}
#else
static inline int cgsl_cpu_vector_level(void) { return 0; }
#endif

/* GSL_SUCCESS and friends come from an anonymous enum (imported as Int);
 * give Swift Int32 versions of the codes it needs to compare against. */
static inline int cgsl_success(void) { return GSL_SUCCESS; }
#endif
