// The one C header through which ganscope reaches libexif (see ImageIO's JPEGDecoder): only the
// orientation tag is read, so cameras' and phones' pictures are turned upright.
#include <stddef.h>
#include <libexif/exif-data.h>

/// The EXIF orientation (1–8) of the JPEG in `data`, or 1 (as stored) when the file has no EXIF
/// block, no orientation tag, or a value outside 1–8.
static inline int ganscope_exif_orientation(const unsigned char *data, unsigned int size) {
    ExifData *exif = exif_data_new_from_data(data, size);
    if (exif == NULL) return 1;
    int orientation = 1;
    ExifEntry *entry = exif_data_get_entry(exif, EXIF_TAG_ORIENTATION);
    if (entry != NULL && entry->format == EXIF_FORMAT_SHORT && entry->components >= 1 && entry->size >= 2) {
        orientation = exif_get_short(entry->data, exif_data_get_byte_order(exif));
    }
    exif_data_unref(exif);
    return orientation >= 1 && orientation <= 8 ? orientation : 1;
}
