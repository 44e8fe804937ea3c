// im2col / col2im for the convolution layers (NeuralNet's ConvGeometry says what they compute).
// In C rather than Swift because the Swift compiler targets baseline x86-64 and left these
// loops several times slower than a memset of the same size; target_clones builds AVX2/AVX-512
// versions as for Adam. They only move values, or add each column entry once onto its pixel in
// a fixed order, so every clone gives the same result.
//
// The DCGAN's planes are small (7×7 outputs), so copying row by row spends its time on loop
// overhead. Instead each image plane is first copied into a zero-bordered plane; then every
// kernel offset (ki, kj) reads the same pattern of positions from it, one index table for the
// whole output plane, with no bounds tests.
#include "ganscope_kernels.h"
#include <stdlib.h>
#include <string.h>

/// Offsets in the padded plane (row length padded_width) that output pixel (oh, ow) reads at
/// kernel offset (0, 0): oh·stride·padded_width + ow·stride.
static int *patch_offsets(const gs_conv_geometry *g, long padded_width) {
    const long plane = g->out_height * g->out_width;
    int *offsets = malloc(sizeof(int) * (size_t)(plane > 0 ? plane : 1));
    if (offsets == NULL) abort();
    for (long oh = 0; oh < g->out_height; oh++)
        for (long ow = 0; ow < g->out_width; ow++)
            offsets[oh * g->out_width + ow] = (int)(oh * g->stride * padded_width + ow * g->stride);
    return offsets;
}

/// For every pixel of one channel's image plane, where its copies are in that channel's block of
/// the column matrix: offsets[start[pixel] ..< start[pixel + 1]], relative to the block of
/// (channel c, sample n) at c·k²·row_length + n·out_plane, in (ki, kj) order. col2im then
/// gathers each pixel's sum in one pass and writes it once, instead of adding every column entry
/// onto the plane (a read-modify-write per entry, several times slower).
typedef struct {
    long *start;
    long *offsets;
} pixel_sources;

static pixel_sources pixel_sources_make(const gs_conv_geometry *g, long row_length) {
    const long k = g->kernel, s = g->stride, p = g->padding, h = g->height, w = g->width;
    const long out_h = g->out_height, out_w = g->out_width;
    pixel_sources sources = {calloc((size_t)(h * w + 1), sizeof(long)),
                             malloc(sizeof(long) * (size_t)(k * k * out_h * out_w + 1))};
    if (sources.start == NULL || sources.offsets == NULL) abort();
    // Two passes over every (kernel offset, output pixel) that lands inside the image: count the
    // copies of each pixel, then place them after prefix sums.
    for (int pass = 0; pass < 2; pass++) {
        for (long ki = 0; ki < k; ki++)
            for (long kj = 0; kj < k; kj++)
                for (long oh = 0; oh < out_h; oh++)
                    for (long ow = 0; ow < out_w; ow++) {
                        const long y = oh * s + ki - p, x = ow * s + kj - p;
                        if (y < 0 || y >= h || x < 0 || x >= w) continue;
                        if (pass == 0) {
                            sources.start[y * w + x + 1]++;
                        } else {
                            sources.offsets[sources.start[y * w + x]++] =
                                (ki * k + kj) * row_length + oh * out_w + ow;
                        }
                    }
        // After pass 0: start = prefix sums. After pass 1 each start has moved to the next
        // pixel's start; shift back.
        if (pass == 0) {
            for (long i = 0; i < h * w; i++) sources.start[i + 1] += sources.start[i];
        } else {
            for (long i = h * w; i > 0; i--) sources.start[i] = sources.start[i - 1];
            sources.start[0] = 0;
        }
    }
    return sources;
}

static void pixel_sources_free(pixel_sources sources) {
    free(sources.start);
    free(sources.offsets);
}

#define DEFINE_IM2COL(T, SUFFIX)                                                                   \
    __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))               \
    void gs_im2col_##SUFFIX(const gs_conv_geometry *g, const T *restrict image,                   \
                            T *restrict columns, long batch, long first_channel, long end_channel) { \
        const long k = g->kernel, p = g->padding, h = g->height, w = g->width;                     \
        const long padded_width = w + 2 * p, padded_plane = (h + 2 * p) * padded_width;             \
        const long plane = g->out_height * g->out_width, row_length = batch * plane;               \
        int *restrict offsets = patch_offsets(g, padded_width);                                     \
        T *restrict padded = calloc((size_t)padded_plane, sizeof(T));                               \
        if (padded == NULL) abort();                                                                \
        for (long c = first_channel; c < end_channel; c++) {                                        \
            for (long n = 0; n < batch; n++) {                                                      \
                const T *source = image + (n * g->channels + c) * h * w;                            \
                for (long y = 0; y < h; y++)                                                        \
                    memcpy(padded + (y + p) * padded_width + p, source + y * w, sizeof(T) * w);     \
                for (long ki = 0; ki < k; ki++) {                                                   \
                    for (long kj = 0; kj < k; kj++) {                                               \
                        const T *restrict from = padded + ki * padded_width + kj;                   \
                        T *restrict to = columns + ((c * k + ki) * k + kj) * row_length + n * plane; \
                        for (long q = 0; q < plane; q++) to[q] = from[offsets[q]];                  \
                    }                                                                               \
                }                                                                                   \
            }                                                                                       \
        }                                                                                           \
        free(padded);                                                                               \
        free(offsets);                                                                              \
    }                                                                                               \
                                                                                                    \
    __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))               \
    void gs_col2im_##SUFFIX(const gs_conv_geometry *g, const T *restrict columns,                 \
                            T *restrict image, long batch, long first_channel, long end_channel) {   \
        const long image_plane = g->height * g->width, kk = g->kernel * g->kernel;                  \
        const long row_length = batch * g->out_height * g->out_width;                              \
        pixel_sources sources = pixel_sources_make(g, row_length);                                  \
        for (long c = first_channel; c < end_channel; c++) {                                        \
            for (long n = 0; n < batch; n++) {                                                      \
                const T *restrict block = columns + c * kk * row_length + n * g->out_height * g->out_width; \
                T *restrict target = image + (n * g->channels + c) * image_plane;                   \
                for (long pixel = 0; pixel < image_plane; pixel++) {                                \
                    T sum = 0;                                                                      \
                    for (long e = sources.start[pixel]; e < sources.start[pixel + 1]; e++)          \
                        sum += block[sources.offsets[e]];                                           \
                    target[pixel] = sum;                                                            \
                }                                                                                   \
            }                                                                                       \
        }                                                                                           \
        pixel_sources_free(sources);                                                                \
    }

DEFINE_IM2COL(float, f32)
DEFINE_IM2COL(double, f64)
