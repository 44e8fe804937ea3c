// The one C header through which ganscope reaches libjpeg-turbo (see ImageIO's JPEGDecoder).
//
// libjpeg reports errors by calling `error_exit`, which must not return: the usual answer is a
// longjmp back to a setjmp in the caller. Swift cannot call setjmp, so the whole decode, from
// setjmp to jpeg_destroy_decompress, lives in the static inline function below and reports a
// failure as a return value with libjpeg's own message.
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <setjmp.h>
#include <jpeglib.h>
#include <jerror.h>

/// Room for libjpeg's longest message, with its terminating zero.
#define GANSCOPE_JPEG_MESSAGE_LENGTH JMSG_LENGTH_MAX

struct ganscope_jpeg_error {
    struct jpeg_error_mgr manager;  // first, so libjpeg's pointer to it is also a pointer to this
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

static inline void ganscope_jpeg_error_exit(j_common_ptr info) {
    struct ganscope_jpeg_error *error = (struct ganscope_jpeg_error *)info->err;
    (*info->err->format_message)(info, error->message);
    longjmp(error->jump, 1);
}

// Fails the decode with our own `text`, through the same longjmp as libjpeg's errors.
static inline void ganscope_jpeg_refuse(j_common_ptr info, const char *text) {
    struct ganscope_jpeg_error *error = (struct ganscope_jpeg_error *)info->err;
    strncpy(error->message, text, JMSG_LENGTH_MAX - 1);
    error->message[JMSG_LENGTH_MAX - 1] = 0;
    longjmp(error->jump, 1);
}

// Level -1 is a warning about corrupt data, e.g. "Premature end of JPEG file" for a truncated
// file, which libjpeg would otherwise fill with gray and pass as good: treat it as an error.
// Levels 0 and up are trace messages: ignored.
static inline void ganscope_jpeg_emit_message(j_common_ptr info, int level) {
    if (level < 0) ganscope_jpeg_error_exit(info);
}

/// Reads the header of the JPEG in `data` and, when `pixels` is not NULL, decodes it into
/// `pixels`: gray files as one byte a pixel, every other colour space but CMYK/YCCK as RGB,
/// rows top first. `capacity` is the size of `pixels`; decoding refuses an image that does not
/// fit. Returns 1 on success with `width`, `height` and `channels` set; 0 on failure with a
/// message in `message` (GANSCOPE_JPEG_MESSAGE_LENGTH bytes).
static inline int ganscope_jpeg_decode(const unsigned char *data, unsigned long size,
                                       unsigned char *pixels, size_t capacity,
                                       int *width, int *height, int *channels, char *message) {
    struct jpeg_decompress_struct info;
    struct ganscope_jpeg_error error;
    memset(&info, 0, sizeof info);
    info.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = ganscope_jpeg_error_exit;
    error.manager.emit_message = ganscope_jpeg_emit_message;
    error.message[0] = 0;
    if (setjmp(error.jump)) {
        jpeg_destroy_decompress(&info);
        strncpy(message, error.message, GANSCOPE_JPEG_MESSAGE_LENGTH - 1);
        message[GANSCOPE_JPEG_MESSAGE_LENGTH - 1] = 0;
        return 0;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, size);
    jpeg_read_header(&info, TRUE);
    if (info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK) {
        ganscope_jpeg_refuse((j_common_ptr)&info, "CMYK JPEG is not supported: save it as RGB");
    }
    int gray = info.jpeg_color_space == JCS_GRAYSCALE;
    *width = (int)info.image_width;
    *height = (int)info.image_height;
    *channels = gray ? 1 : 3;
    if (pixels == NULL) {
        jpeg_destroy_decompress(&info);
        return 1;
    }
    info.out_color_space = gray ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_start_decompress(&info);
    size_t stride = (size_t)info.output_width * (size_t)info.output_components;
    if (info.output_height != 0 && stride > capacity / info.output_height) {
        ganscope_jpeg_refuse((j_common_ptr)&info, "the decoded image is larger than its header said");
    }
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = pixels + (size_t)info.output_scanline * stride;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return 1;
}
