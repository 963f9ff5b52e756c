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

/* OpenBLAS thread control. */
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);

/* GSL_SUCCESS and friends come from an anonymous enum (imported as Int);
 * give Swift Int32 versions of the codes it needs to compare against. */
static inline int cgsl_success(void) { return GSL_SUCCESS; }
#endif
