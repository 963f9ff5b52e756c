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
/* LAPACK: symmetric indefinite LDL^T with rook (bounded Bunch-Kaufman) pivoting (an inertia count). */
void dsytrf_rook_(const char *uplo, const int *n, double *a, const int *lda, int *ipiv,
                  double *work, const int *lwork, int *info);

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

/* C[r0..r1) = A[r0..r1) · B for a row-major n × n matrix A and a row-major n × k block B,
 * k = 4 or 8, rows [r0, r1) of the row-major n × k result C. Each entry is one running sum
 * over j = 0, 1, …, n − 1 of A[i][j]·B[j][c] (fused multiply-adds), whatever rows a call
 * covers: the same bits for any split of the rows among threads. A is read once, four (k = 8)
 * or eight (k = 4) rows at a time, so B's row j, loaded once, serves them all and eight chains
 * of FMAs are in flight: bound by memory bandwidth like a matrix-vector product, with none of
 * the copy of A that a general gemm packs first.
 * Needs AVX2 and FMA (cgsl_cpu_vector_level() >= 1). */
#if defined(__x86_64__)
typedef double cgsl_v4 __attribute__((vector_size(32), aligned(8)));
#define CGSL_B4(v) ((cgsl_v4){(v), (v), (v), (v)})
#define CGSL_FMA(a, b, c) __builtin_elementwise_fma((a), (b), (c))
/* k = 8: four rows at a time, two 4-wide accumulators per row (eight chains of FMAs). */
__attribute__((target("avx2,fma")))
static inline void cgsl_stream_rows_k8(const double *a, long n, const double *b, double *c, long r0, long r1) {
  long i = r0;
  for (; i + 4 <= r1; i += 4) {
    const double *a0 = a + i * n, *a1 = a0 + n, *a2 = a1 + n, *a3 = a2 + n;
    cgsl_v4 s00 = CGSL_B4(0), s01 = CGSL_B4(0), s10 = CGSL_B4(0), s11 = CGSL_B4(0);
    cgsl_v4 s20 = CGSL_B4(0), s21 = CGSL_B4(0), s30 = CGSL_B4(0), s31 = CGSL_B4(0);
    for (long j = 0; j < n; j++) {
      const cgsl_v4 b0 = *(const cgsl_v4 *)(b + 8 * j), b1 = *(const cgsl_v4 *)(b + 8 * j + 4);
      const cgsl_v4 h0 = CGSL_B4(a0[j]), h1 = CGSL_B4(a1[j]), h2 = CGSL_B4(a2[j]), h3 = CGSL_B4(a3[j]);
      s00 = CGSL_FMA(h0, b0, s00); s01 = CGSL_FMA(h0, b1, s01);
      s10 = CGSL_FMA(h1, b0, s10); s11 = CGSL_FMA(h1, b1, s11);
      s20 = CGSL_FMA(h2, b0, s20); s21 = CGSL_FMA(h2, b1, s21);
      s30 = CGSL_FMA(h3, b0, s30); s31 = CGSL_FMA(h3, b1, s31);
    }
    double *c0 = c + 8 * i;
    *(cgsl_v4 *)(c0) = s00; *(cgsl_v4 *)(c0 + 4) = s01; *(cgsl_v4 *)(c0 + 8) = s10; *(cgsl_v4 *)(c0 + 12) = s11;
    *(cgsl_v4 *)(c0 + 16) = s20; *(cgsl_v4 *)(c0 + 20) = s21; *(cgsl_v4 *)(c0 + 24) = s30; *(cgsl_v4 *)(c0 + 28) = s31;
  }
  for (; i < r1; i++) {
    const double *ai = a + i * n;
    cgsl_v4 s0 = CGSL_B4(0), s1 = CGSL_B4(0);
    for (long j = 0; j < n; j++) {
      const cgsl_v4 h = CGSL_B4(ai[j]);
      s0 = CGSL_FMA(h, *(const cgsl_v4 *)(b + 8 * j), s0);
      s1 = CGSL_FMA(h, *(const cgsl_v4 *)(b + 8 * j + 4), s1);
    }
    *(cgsl_v4 *)(c + 8 * i) = s0; *(cgsl_v4 *)(c + 8 * i + 4) = s1;
  }
}
/* k = 4: eight rows at a time, one accumulator per row. */
__attribute__((target("avx2,fma")))
static inline void cgsl_stream_rows_k4(const double *a, long n, const double *b, double *c, long r0, long r1) {
  long i = r0;
  for (; i + 8 <= r1; i += 8) {
    const double *a0 = a + i * n;
    cgsl_v4 s0 = CGSL_B4(0), s1 = CGSL_B4(0), s2 = CGSL_B4(0), s3 = CGSL_B4(0);
    cgsl_v4 s4 = CGSL_B4(0), s5 = CGSL_B4(0), s6 = CGSL_B4(0), s7 = CGSL_B4(0);
    for (long j = 0; j < n; j++) {
      const cgsl_v4 bj = *(const cgsl_v4 *)(b + 4 * j);
      s0 = CGSL_FMA(CGSL_B4(a0[j]), bj, s0); s1 = CGSL_FMA(CGSL_B4(a0[n + j]), bj, s1);
      s2 = CGSL_FMA(CGSL_B4(a0[2 * n + j]), bj, s2); s3 = CGSL_FMA(CGSL_B4(a0[3 * n + j]), bj, s3);
      s4 = CGSL_FMA(CGSL_B4(a0[4 * n + j]), bj, s4); s5 = CGSL_FMA(CGSL_B4(a0[5 * n + j]), bj, s5);
      s6 = CGSL_FMA(CGSL_B4(a0[6 * n + j]), bj, s6); s7 = CGSL_FMA(CGSL_B4(a0[7 * n + j]), bj, s7);
    }
    double *c0 = c + 4 * i;
    *(cgsl_v4 *)(c0) = s0; *(cgsl_v4 *)(c0 + 4) = s1; *(cgsl_v4 *)(c0 + 8) = s2; *(cgsl_v4 *)(c0 + 12) = s3;
    *(cgsl_v4 *)(c0 + 16) = s4; *(cgsl_v4 *)(c0 + 20) = s5; *(cgsl_v4 *)(c0 + 24) = s6; *(cgsl_v4 *)(c0 + 28) = s7;
  }
  for (; i < r1; i++) {
    const double *ai = a + i * n;
    cgsl_v4 s = CGSL_B4(0);
    for (long j = 0; j < n; j++) s = CGSL_FMA(CGSL_B4(ai[j]), *(const cgsl_v4 *)(b + 4 * j), s);
    *(cgsl_v4 *)(c + 4 * i) = s;
  }
}
static inline void cgsl_stream_rows(const double *a, long n, const double *b, long k, double *c, long r0, long r1) {
  if (k == 8) cgsl_stream_rows_k8(a, n, b, c, r0, r1);
  else if (k == 4) cgsl_stream_rows_k4(a, n, b, c, r0, r1);
}
#else
static inline void cgsl_stream_rows(const double *a, long n, const double *b, long k, double *c, long r0, long r1) {
  (void)a; (void)n; (void)b; (void)k; (void)c; (void)r0; (void)r1;
}
#endif

/* GSL_SUCCESS and friends come from an anonymous enum (imported as Int);
 * give Swift Int32 versions of the codes it needs to compare against. */
static inline int cgsl_success(void) { return GSL_SUCCESS; }
#endif
