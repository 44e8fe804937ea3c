// Elementwise kernels too hot for portable Swift: the Swift compiler targets baseline x86-64
// (SSE2) and will not emit AVX, so these C loops are built once per instruction set with
// target_clones and the loader picks the best for the CPU it runs on.
#ifndef GANSCOPE_KERNELS_H
#define GANSCOPE_KERNELS_H

#ifdef __cplusplus
extern "C" {
#endif

/// One Adam update of `count` parameters (PyTorch's formula):
/// m = b1 m + (1-b1) g; v = b2 v + (1-b2) g²; p -= step_size · m / (√v / correction2_root + eps).
void gs_adam_f32(float *p, const float *g, float *m, float *v, long count, float beta1, float beta2,
                 float epsilon, float step_size, float correction2_root);

#ifdef __cplusplus
}
#endif
#endif
