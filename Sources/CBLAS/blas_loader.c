// Loads OpenBLAS at run time with the fast kernel for this CPU; see ganscope_blas.h for why.
#define _GNU_SOURCE
#include "ganscope_blas.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112 };

typedef void (*sgemm_fn)(int, int, int, int, int, int, float, const float *, int, const float *,
                         int, float, float *, int);
typedef void (*dgemm_fn)(int, int, int, int, int, int, double, const double *, int,
                         const double *, int, double, double *, int);
typedef void (*dsyev_fn)(const char *, const char *, const int *, double *, const int *, double *,
                         double *, const int *, int *);
typedef char *(*corename_fn)(void);
typedef void (*set_threads_fn)(int);

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_error = NULL;
static char library_name[256] = "";
static char requested_core[32] = "";
static sgemm_fn sgemm_ptr;
static dgemm_fn dgemm_ptr;
static dsyev_fn dsyev_ptr;
static corename_fn corename_ptr;
/// Threads a matrix product may use. ganscope splits products across them itself and keeps
/// OpenBLAS single-threaded (see ganscope_blas.h); until set, one per online core, as OpenBLAS
/// would have chosen.
static atomic_int product_threads = 0;

/// The OpenBLAS kernel that suits this CPU best, or NULL to let OpenBLAS decide.
static const char *best_core(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
        && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq"))
        return "SkylakeX";
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return "Haswell";
    return NULL;
}

static void load(void) {
    // Respect a kernel the user chose; otherwise ask for the best one before the library loads.
    const char *user_core = getenv("OPENBLAS_CORETYPE");
    if (user_core == NULL || user_core[0] == '\0') {
        const char *core = best_core();
        if (core != NULL) {
            setenv("OPENBLAS_CORETYPE", core, 1);
            snprintf(requested_core, sizeof requested_core, "%s", core);
        }
    }
    // No thread pool: products are split by ganscope, and each part runs on the calling thread.
    setenv("OPENBLAS_NUM_THREADS", "1", 0);
    static const char *candidates[] = {"libopenblas.so.0", "libopenblasp.so.0", "libopenblas.so",
                                       "libblas.so.3"};
    void *handle = NULL;
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0] && handle == NULL; i++) {
        handle = dlopen(candidates[i], RTLD_NOW | RTLD_LOCAL);
        if (handle != NULL) snprintf(library_name, sizeof library_name, "%s", candidates[i]);
    }
    if (handle == NULL) {
        load_error = "no BLAS library found (tried libopenblas.so.0, libblas.so.3): "
                     "install libopenblas0-pthread";
        return;
    }
    sgemm_ptr = (sgemm_fn)dlsym(handle, "cblas_sgemm");
    dgemm_ptr = (dgemm_fn)dlsym(handle, "cblas_dgemm");
    dsyev_ptr = (dsyev_fn)dlsym(handle, "dsyev_");
    corename_ptr = (corename_fn)dlsym(handle, "openblas_get_corename");
    // A user's OPENBLAS_NUM_THREADS would otherwise thread every part again.
    const set_threads_fn set_threads = (set_threads_fn)dlsym(handle, "openblas_set_num_threads");
    if (set_threads != NULL) set_threads(1);
    if (sgemm_ptr == NULL || dgemm_ptr == NULL) {
        load_error = "the BLAS library has no cblas_sgemm/cblas_dgemm: install libopenblas0-pthread";
        return;
    }
    if (dsyev_ptr == NULL) {
        // Plain reference BLAS carries no LAPACK; look for it beside.
        void *lapack = dlopen("liblapack.so.3", RTLD_NOW | RTLD_LOCAL);
        if (lapack != NULL) dsyev_ptr = (dsyev_fn)dlsym(lapack, "dsyev_");
    }
}

const char *gs_blas_load(void) {
    pthread_once(&load_once, load);
    return load_error;
}

const char *gs_blas_library(void) { return library_name; }

const char *gs_blas_corename(void) {
    if (gs_blas_load() != NULL || corename_ptr == NULL) return "unknown";
    return corename_ptr();
}

const char *gs_blas_requested_core(void) { return requested_core; }

void gs_blas_set_threads(int threads) { atomic_store(&product_threads, threads > 1 ? threads : 1); }

int gs_blas_threads(void) {
    const int threads = atomic_load(&product_threads);
    if (threads > 0) return threads;
    const long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores > 1 ? (int)cores : 1;
}

static void require_blas(void) {
    const char *error = gs_blas_load();
    if (error != NULL) {
        fprintf(stderr, "ganscope: %s\n", error);
        exit(70);
    }
}

void gs_sgemm(int transA, int transB, int m, int n, int k, float alpha, const float *a, int lda,
              const float *b, int ldb, float beta, float *c, int ldc) {
    if (sgemm_ptr == NULL) require_blas();
    sgemm_ptr(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, alpha, a,
              lda, b, ldb, beta, c, ldc);
}

void gs_dgemm(int transA, int transB, int m, int n, int k, double alpha, const double *a, int lda,
              const double *b, int ldb, double beta, double *c, int ldc) {
    if (dgemm_ptr == NULL) require_blas();
    dgemm_ptr(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, alpha, a,
              lda, b, ldb, beta, c, ldc);
}

int gs_dsyev(int n, double *a, double *w) {
    require_blas();
    if (dsyev_ptr == NULL) return -1000;
    int lwork = -1, info = 0;
    double query = 0;
    dsyev_ptr("V", "U", &n, a, &n, w, &query, &lwork, &info);
    if (info != 0) return info;
    lwork = (int)query;
    double *work = malloc(sizeof(double) * (size_t)lwork);
    if (work == NULL) return -1001;
    dsyev_ptr("V", "U", &n, a, &n, w, work, &lwork, &info);
    free(work);
    return info;
}
