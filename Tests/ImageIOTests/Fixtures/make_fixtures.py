import numpy as np
from PIL import Image
gray = np.zeros((8, 16), np.uint8); gray[:, :8] = 40; gray[:, 8:] = 220
Image.fromarray(gray).save("gray.jpg", quality=95)
rgb = np.zeros((8, 16, 3), np.uint8); rgb[:, :8] = (200, 30, 30); rgb[:, 8:] = (20, 40, 210)
Image.fromarray(rgb).save("rgb.jpg", quality=95, subsampling=0)
Image.new("CMYK", (8, 8), (0, 200, 200, 0)).save("cmyk.jpg", quality=95)
Image.fromarray(np.array([[[255, 0, 0], [0, 255, 0]], [[0, 0, 255], [255, 255, 255]]], np.uint8)).convert(
    "P", palette=Image.Palette.ADAPTIVE, colors=4).save("palette.png")
Image.fromarray(np.array([[[200, 255], [200, 0]]], np.uint8), "LA").save("gray_alpha.png")
Image.fromarray(np.array([[[10, 20, 30, 255], [250, 250, 250, 0]]], np.uint8), "RGBA").save("rgba.png")
Image.fromarray(np.array([[0x8080, 0xFFFF]], np.uint16)).save("gray16.png")
# The rgb.jpg picture again, stored as a camera would with an EXIF orientation tag (0x0112).
for tag in (2, 6, 8):
    exif = Image.Exif()
    exif[0x0112] = tag
    Image.fromarray(rgb).save(f"orientation{tag}.jpg", quality=95, subsampling=0, exif=exif)
