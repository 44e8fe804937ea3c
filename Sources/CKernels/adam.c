#include "ganscope_kernels.h"
#include <math.h>

// Contraction into FMA is off for this target (Package.swift), so every clone computes
// bit-identical results: a run reproduces on any x86-64 machine.
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
void gs_adam_f32(float *restrict p, const float *restrict g, float *restrict m, float *restrict v,
                 long count, float beta1, float beta2, float epsilon, float step_size,
                 float correction2_root) {
    const float one_minus_beta1 = 1.0f - beta1, one_minus_beta2 = 1.0f - beta2;
    for (long i = 0; i < count; i++) {
        const float gi = g[i];
        const float mi = beta1 * m[i] + one_minus_beta1 * gi;
        const float vi = beta2 * v[i] + one_minus_beta2 * gi * gi;
        m[i] = mi;
        v[i] = vi;
        p[i] -= step_size * mi / (sqrtf(vi) / correction2_root + epsilon);
    }
}
