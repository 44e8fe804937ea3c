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

/// The shape of a 2-D convolution over feature-major images, (channels, height, width, batch)
/// (NeuralNet's ConvGeometry).
typedef struct {
    long channels, height, width, kernel, stride, padding, out_height, out_width;
} gs_conv_geometry;

/// Fills the column matrix of channels [first_channel, end_channel), kernel taps
/// [first_tap, end_tap) (a tap is ki·kernel + kj) and output positions
/// [first_position, end_position) (a position is oh·out_width + ow). Rows are tap-major: row
/// (tap − first_tap)·(end_channel − first_channel) + (c − first_channel), column
/// (position − first_position)·batch + n holds the input value that tap sees from that output
/// position, zero where it reaches into the padding. Rows are (end_position − first_position)·batch
/// long.
void gs_im2col_f32(const gs_conv_geometry *g, const float *image, float *columns, long batch,
                   long first_channel, long end_channel, long first_tap, long end_tap,
                   long first_position, long end_position);
void gs_im2col_f64(const gs_conv_geometry *g, const double *image, double *columns, long batch,
                   long first_channel, long end_channel, long first_tap, long end_tap,
                   long first_position, long end_position);

/// The adjoint of im2col for channels [first_channel, end_channel) of a whole column matrix (all
/// channels, taps and positions; rows tap-major as above): overwrites those channels of the
/// images with the sum of the column entries copied from each pixel, and leaves those channels'
/// rows of the columns zero.
void gs_col2im_f32(const gs_conv_geometry *g, float *columns, float *image, long batch,
                   long first_channel, long end_channel);
void gs_col2im_f64(const gs_conv_geometry *g, double *columns, double *image, long batch,
                   long first_channel, long end_channel);

/// ReLU in place: values ≤ 0 become 0 (NaN stays NaN).
void gs_relu_f32(float *values, long count);
void gs_relu_f64(double *values, long count);
/// gradient ← 0 where ReLU's output is ≤ 0.
void gs_relu_backward_f32(float *gradient, const float *output, long count);
void gs_relu_backward_f64(double *gradient, const double *output, long count);
/// LeakyReLU in place: negative values are multiplied by `slope`.
void gs_leaky_relu_f32(float *values, long count, float slope);
void gs_leaky_relu_f64(double *values, long count, double slope);
/// gradient ← gradient · slope where LeakyReLU's output is negative.
void gs_leaky_relu_backward_f32(float *gradient, const float *output, long count, float slope);
void gs_leaky_relu_backward_f64(double *gradient, const double *output, long count, double slope);

/// target (columns, rows) = source (rows, columns)ᵀ for source rows [first_row, end_row), which
/// write target columns [first_row, end_row): disjoint row ranges can run on different threads.
void gs_transpose_f32(const float *source, long rows, long columns, float *target, long first_row, long end_row);
void gs_transpose_f64(const double *source, long rows, long columns, double *target, long first_row,
                      long end_row);

#ifdef __cplusplus
}
#endif
#endif
