// The elementwise passes between the layers' matrix products: ReLU and LeakyReLU with their
// derivatives, and the transpose between a network's batch-major rows and its feature-major image
// batches (NeuralNet's Activation and FeatureMajor say what they compute). In C for the reason
// im2col.c gives: the Swift compiler targets baseline x86-64, and it compiled ReLU's derivative
// into a scalar loop with a branch that mispredicts on half the values (about 5 ns a value).
// Each result is a comparison, a copy or one multiplication, so every clone gives the same bits.
#include "ganscope_kernels.h"

#define CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))

// Side of the square tiles a transpose moves: 16 rows of 16 values keep both the rows read and
// the rows written in the L1 cache, and the fixed trip count lets the compiler unroll the copy.
#define TILE 16

#define DEFINE_ELEMENTWISE(T, SUFFIX)                                                              \
    CLONES void gs_relu_##SUFFIX(T *restrict values, long count) {                                 \
        for (long i = 0; i < count; i++) values[i] = values[i] <= 0 ? (T)0 : values[i];           \
    }                                                                                               \
                                                                                                    \
    CLONES void gs_relu_backward_##SUFFIX(T *restrict gradient, const T *restrict output,         \
                                          long count) {                                             \
        for (long i = 0; i < count; i++) gradient[i] = output[i] <= 0 ? (T)0 : gradient[i];       \
    }                                                                                               \
                                                                                                    \
    CLONES void gs_leaky_relu_##SUFFIX(T *restrict values, long count, T slope) {                  \
        for (long i = 0; i < count; i++) values[i] = values[i] < 0 ? values[i] * slope : values[i]; \
    }                                                                                               \
                                                                                                    \
    CLONES void gs_leaky_relu_backward_##SUFFIX(T *restrict gradient, const T *restrict output,   \
                                                long count, T slope) {                              \
        for (long i = 0; i < count; i++)                                                            \
            gradient[i] = output[i] < 0 ? gradient[i] * slope : gradient[i];                        \
    }                                                                                               \
                                                                                                    \
    CLONES void gs_transpose_##SUFFIX(const T *restrict source, long rows, long columns,          \
                                      T *restrict target, long first_row, long end_row) {          \
        for (long r0 = first_row; r0 < end_row; r0 += TILE) {                                       \
            const long r1 = r0 + TILE < end_row ? r0 + TILE : end_row;                              \
            for (long c0 = 0; c0 < columns; c0 += TILE) {                                           \
                const long c1 = c0 + TILE < columns ? c0 + TILE : columns;                          \
                if (r1 - r0 == TILE && c1 - c0 == TILE) {                                           \
                    for (long i = 0; i < TILE; i++)                                                 \
                        _Pragma("clang loop vectorize(disable)")                                    \
                        for (long j = 0; j < TILE; j++)                                             \
                            target[(c0 + j) * rows + r0 + i] = source[(r0 + i) * columns + c0 + j]; \
                } else {                                                                            \
                    for (long j = c0; j < c1; j++)                                                  \
                        for (long i = r0; i < r1; i++) target[j * rows + i] = source[i * columns + j]; \
                }                                                                                   \
            }                                                                                       \
        }                                                                                           \
    }

DEFINE_ELEMENTWISE(float, f32)
DEFINE_ELEMENTWISE(double, f64)
