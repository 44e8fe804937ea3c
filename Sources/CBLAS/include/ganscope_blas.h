// ganscope's door to BLAS and LAPACK.
//
// OpenBLAS picks its compute kernel in its library constructor, from the CPU id and the
// OPENBLAS_CORETYPE variable. Debian's OpenBLAS 0.3.21 does not recognise recent Xeons and falls
// back to the generic "Prescott" kernel, 5-10x slower. Linking the library would run that
// constructor before any of our code, so instead we set OPENBLAS_CORETYPE from the CPU's features
// and then dlopen the library ourselves. See docs/DECISIONS.md.
//
// OpenBLAS runs single-threaded (OPENBLAS_NUM_THREADS=1 before loading, and set to 1 after):
// NeuralNet splits each large product into parts for its own workers, which call gs_sgemm at the
// same time. OpenBLAS's pthread build allows that once its own threading is off; its thread pool
// instead forks every small product and spins between them (docs/DECISIONS.md).
#ifndef GANSCOPE_BLAS_H
#define GANSCOPE_BLAS_H

#ifdef __cplusplus
extern "C" {
#endif

/// Loads the BLAS library once (thread-safe). Returns NULL on success, else a message.
const char *gs_blas_load(void);
/// The path or soname of the loaded library, or "" before loading.
const char *gs_blas_library(void);
/// OpenBLAS's kernel name (e.g. "SkylakeX"), or "unknown" for other BLAS libraries.
const char *gs_blas_corename(void);
/// The kernel ganscope asked for through OPENBLAS_CORETYPE, or "" if the user's choice was kept.
const char *gs_blas_requested_core(void);
/// Threads a product may be split across (at least 1; before any call, the online cores).
/// OpenBLAS itself stays single-threaded whatever this says.
void gs_blas_set_threads(int threads);
int gs_blas_threads(void);

/// Row-major C = alpha * op(A) * op(B) + beta * C, as cblas_sgemm / cblas_dgemm.
void gs_sgemm(int transA, int transB, int m, int n, int k, float alpha, const float *a, int lda,
              const float *b, int ldb, float beta, float *c, int ldc);
void gs_dgemm(int transA, int transB, int m, int n, int k, double alpha, const double *a, int lda,
              const double *b, int ldb, double beta, double *c, int ldc);

/// Eigen-decomposition of a symmetric n x n matrix (LAPACK dsyev, column-major, upper).
/// On return `a` holds the eigenvectors and `w` the eigenvalues in ascending order.
/// Returns LAPACK's info (0 = success).
int gs_dsyev(int n, double *a, double *w);

#ifdef __cplusplus
}
#endif
#endif
