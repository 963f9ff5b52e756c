/* Measures GSL gsl_eigen_symmv against LAPACK dsyevd (OpenBLAS, 1 thread) by size.
 * Build: gcc -O2 Benchmarks/eigen-crossover.c -o /tmp/cross -lgsl -lopenblas -lm
 * Reference machine (2-core AVX-512, GSL 2.7.1, OpenBLAS 0.3.21): GSL is faster up to
 * n = 32 (ratio 0.6-0.93), LAPACK from n = 48 on (1.2x at 48, 3.3x at 128). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <gsl/gsl_eigen.h>
void dsyevd_(const char*,const char*,const int*,double*,const int*,double*,double*,const int*,int*,const int*,int*);
void openblas_set_num_threads(int);
double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+1e-9*t.tv_nsec;}
int main(){openblas_set_num_threads(1);
int sizes[]={4,8,16,24,32,48,64,96,128};
for(int si=0;si<9;si++){int n=sizes[si]; double *A=malloc(8*n*n),*B=malloc(8*n*n),*w=malloc(8*n);
for(int i=0;i<n;i++)for(int j=0;j<=i;j++){double v=sin(i*7.1+j*3.3);A[i*n+j]=v;A[j*n+i]=v;}
int reps= 200000/(n*n)+5; double best1=1e9,best2=1e9;
for(int trial=0;trial<3;trial++){
double t=now(); for(int r=0;r<reps;r++){for(int k=0;k<n*n;k++)B[k]=A[k]; gsl_matrix_view m=gsl_matrix_view_array(B,n,n); gsl_vector_view v=gsl_vector_view_array(w,n); gsl_eigen_symmv_workspace*ws=gsl_eigen_symmv_alloc(n); gsl_matrix*z=gsl_matrix_alloc(n,n); gsl_eigen_symmv(&m.matrix,&v.vector,z,ws); gsl_matrix_free(z); gsl_eigen_symmv_free(ws);} double t1=(now()-t)/reps; if(t1<best1)best1=t1;
t=now(); for(int r=0;r<reps;r++){for(int k=0;k<n*n;k++)B[k]=A[k]; int N=n,lw=-1,liw=-1,info; double wq; int iq; dsyevd_("V","L",&N,B,&N,w,&wq,&lw,&iq,&liw,&info); lw=(int)wq; liw=iq; double*work=malloc(8*lw); int*iw=malloc(4*liw); dsyevd_("V","L",&N,B,&N,w,work,&lw,iw,&liw,&info); free(work);free(iw);} double t2=(now()-t)/reps; if(t2<best2)best2=t2;}
printf("n=%d gsl_symmv %.2e s  dsyevd %.2e s  ratio gsl/lapack %.2f\n",n,best1,best2,best1/best2);}
}
