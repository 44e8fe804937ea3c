#!/usr/bin/env bash
# The AI-generated marking read by real clients: exiftool (Debian's libimage-exiftool-perl) must
# print the IPTC DigitalSourceType URI of a PNG from `ganscope sample`; Pillow (its own PNG
# decoder) must read the image and the XMP; libpng's `pngfix` (libpng-tools) must find no error.
#
# usage: Tests/Interop/check_marking.sh CHECKPOINT [PYTHON]
#   CHECKPOINT  a snapshot of an image data set (ganscope train --save-on-exit)
#   PYTHON      a Python with Pillow (default: ~/torchenv/bin/python)
set -euo pipefail
checkpoint=$1
python=${2:-$HOME/torchenv/bin/python}
ganscope=${GANSCOPE:-.build/release/ganscope}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
uri=http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia

"$ganscope" sample --checkpoint "$checkpoint" --count 4 --out "$out/sample.png"
xmp=$(exiftool -XMP:all "$out/sample.png")
echo "$xmp"
grep -q "Digital Source Type *: $uri" <<<"$xmp" || { echo "FAIL: exiftool shows no DigitalSourceType"; exit 1; }
grep -q "Creator Tool *: ganscope" <<<"$xmp" || { echo "FAIL: exiftool shows no CreatorTool"; exit 1; }
exiftool -PNG:Software -PNG:Comment "$out/sample.png"

"$python" - "$out/sample.png" "$uri" <<'PY'
import sys
from PIL import Image
image = Image.open(sys.argv[1])
image.load()  # decodes every IDAT: fails on a broken stream or CRC
assert sys.argv[2] in image.info.get("XML:com.adobe.xmp", ""), "Pillow sees no XMP with the URI"
print(f"Pillow: {image.size} mode {image.mode}, XMP and {sorted(k for k in image.info if k != 'XML:com.adobe.xmp')}")
PY

if command -v pngfix >/dev/null; then
  pngfix "$out/sample.png" && echo "libpng (pngfix): no errors"
else
  echo "pngfix (libpng-tools) not installed: libpng is checked by ganscope's own decoder in the Swift tests"
fi
echo "OK: the marking is readable and the image still decodes"
