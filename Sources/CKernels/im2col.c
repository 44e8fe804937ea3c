// im2col / col2im for the convolution layers (NeuralNet's ConvGeometry says what they compute).
// In C rather than Swift because the Swift compiler targets baseline x86-64 and will not emit AVX;
// target_clones builds AVX2/AVX-512 versions as for Adam. They only move values, or add each
// pixel's column entries in a fixed order, so every clone gives the same result.
//
// col2im consumes its columns: it leaves every entry zero, so the product that fills them next
// can add onto them (β = 1) and OpenBLAS skips its own pass zeroing C for β = 0, a write of the
// whole matrix (12.8 MB for the DCGAN at batch 64) that col2im now does while the entries are in
// the cache anyway.
//
// Column matrices are tap-major, row (ki·k + kj)·channels + c, so that the kernel rows a band of
// output rows keeps are one contiguous block of rows (ConvGeometry+TapMajor.swift says why);
// im2col copies a range of taps, so a band's chunk never copies the rows its product skips.
//
// Images are feature-major, (channels, height, width, batch): the batch is the innermost index.
// So every column entry of a kernel offset and output pixel is a run of `batch` contiguous
// values, and both kernels move whole runs (a copy, a zero fill or a vector add) instead of
// gathering single values, which the DCGAN's 7-pixel rows made cost about a nanosecond each.
#include "ganscope_kernels.h"
#include <string.h>

/// Whether kernel offset `kernel_index` of output position `out` lands on input position `at`,
/// and if so which output position: at = out·stride − padding + kernel_index.
static inline long output_position(long at, long kernel_index, const gs_conv_geometry *g, long out_size) {
    const long shifted = at + g->padding - kernel_index;
    if (shifted < 0 || shifted % g->stride != 0) return -1;
    const long out = shifted / g->stride;
    return out < out_size ? out : -1;
}

#define DEFINE_IM2COL(T, SUFFIX)                                                                   \
    __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))               \
    void gs_im2col_##SUFFIX(const gs_conv_geometry *g, const T *restrict image,                   \
                            T *restrict columns, long batch, long first_channel, long end_channel,  \
                            long first_tap, long end_tap, long first_position, long end_position) { \
        const long k = g->kernel, s = g->stride, p = g->padding, h = g->height, w = g->width;      \
        const long out_w = g->out_width, channels = end_channel - first_channel;                    \
        const long row_length = (end_position - first_position) * batch;                           \
        const size_t run = sizeof(T) * (size_t)batch;                                               \
        for (long tap = first_tap; tap < end_tap; tap++) {                                          \
            const long ki = tap / k, kj = tap % k;                                                  \
            for (long c = first_channel; c < end_channel; c++) {                                    \
                T *restrict row = columns + ((tap - first_tap) * channels + c - first_channel) * row_length; \
                long oh = first_position / out_w, ow = first_position % out_w;                      \
                for (long q = first_position; q < end_position; q++) {                              \
                    T *restrict to = row + (q - first_position) * batch;                            \
                    const long y = oh * s - p + ki, x = ow * s - p + kj;                            \
                    if (y < 0 || y >= h || x < 0 || x >= w)                                         \
                        memset(to, 0, run);                                                         \
                    else                                                                            \
                        memcpy(to, image + ((c * h + y) * w + x) * batch, run);                     \
                    if (++ow == out_w) {                                                            \
                        ow = 0;                                                                     \
                        oh++;                                                                       \
                    }                                                                               \
                }                                                                                   \
            }                                                                                       \
        }                                                                                           \
    }                                                                                               \
                                                                                                    \
    __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))               \
    void gs_col2im_##SUFFIX(const gs_conv_geometry *g, T *restrict columns, T *restrict image,      \
                            long batch, long first_channel, long end_channel) {                     \
        const long k = g->kernel, s = g->stride, p = g->padding, h = g->height, w = g->width;      \
        const long out_h = g->out_height, out_w = g->out_width, channels = g->channels;            \
        const long row_length = out_h * out_w * batch;                                             \
        const size_t run = sizeof(T) * (size_t)batch;                                               \
        for (long c = first_channel; c < end_channel; c++) {                                        \
            for (long y = 0; y < h; y++) {                                                          \
                for (long x = 0; x < w; x++) {                                                      \
                    T *restrict to = image + ((c * h + y) * w + x) * batch;                         \
                    int written = 0;                                                                \
                    for (long ki = 0; ki < k; ki++) {                                               \
                        const long oh = output_position(y, ki, g, out_h);                           \
                        if (oh < 0) continue;                                                       \
                        for (long kj = 0; kj < k; kj++) {                                           \
                            const long ow = output_position(x, kj, g, out_w);                       \
                            if (ow < 0) continue;                                                   \
                            T *restrict from = columns + ((ki * k + kj) * channels + c) * row_length \
                                               + (oh * out_w + ow) * batch;                         \
                            if (written) {                                                          \
                                for (long n = 0; n < batch; n++) to[n] += from[n];                  \
                            } else {                                                                \
                                memcpy(to, from, run);                                              \
                                written = 1;                                                        \
                            }                                                                       \
                            memset(from, 0, run);                                                   \
                        }                                                                           \
                    }                                                                               \
                    if (!written) memset(to, 0, run);                                               \
                }                                                                                   \
            }                                                                                       \
            /* The entries no pixel reads (they fall in the padding) are cleared too. */            \
            for (long ki = 0; ki < k; ki++) {                                                       \
                for (long kj = 0; kj < k; kj++) {                                                   \
                    T *restrict row = columns + ((ki * k + kj) * channels + c) * row_length;        \
                    for (long oh = 0; oh < out_h; oh++) {                                           \
                        const long y = oh * s - p + ki;                                             \
                        for (long ow = 0; ow < out_w; ow++) {                                       \
                            const long x = ow * s - p + kj;                                         \
                            if (y < 0 || y >= h || x < 0 || x >= w)                                 \
                                memset(row + (oh * out_w + ow) * batch, 0, run);                    \
                        }                                                                           \
                    }                                                                               \
                }                                                                                   \
            }                                                                                       \
        }                                                                                           \
    }

DEFINE_IM2COL(float, f32)
DEFINE_IM2COL(double, f64)
