#!/usr/bin/env python3
"""Checks that a ganscope checkpoint is usable outside ganscope.

An MLP generator is run with safetensors + numpy only (no ganscope code) on the stored fixed
noise; the output is mapped to pixels as ganscope does (round((x + 1) / 2 * 255), clamped) and
compared with the grid that `ganscope sample --fixed` wrote, decoding the PNG here with zlib and
struct (or reading a binary PGM). With PyTorch installed the generator is also built as an
nn.Sequential from the recorded layers and loaded with load_state_dict(strict=True), its
num_batches_tracked as int64; a DCGAN generator (convolutions, BatchNorm) is run by PyTorch
alone, in evaluation mode as ganscope draws samples, and with --discriminator D is loaded too.
Colour samples are planes R, G, B of each image (NCHW) and an RGB PNG. With Pillow installed
the PNG is decoded with Pillow too and compared.

    ganscope sample --checkpoint CKPT --fixed --out grid.png
    python3 Tests/Interop/interop_check.py CKPT grid.png

Exits 0 when every pixel is within 1/255; prints the largest difference.
"""
import json
import math
import struct
import sys
import zlib

import numpy as np
from safetensors import safe_open
from safetensors.numpy import load_file


def leaky_slope(code):
    """The slope of "leaky_relu(0.2)", or None for other activations."""
    if code.startswith("leaky_relu(") and code.endswith(")"):
        return float(code[len("leaky_relu("):-1])
    return None


def activate(x, code):
    slope = leaky_slope(code)
    if slope is not None:
        return np.where(x < 0, x * slope, x)
    functions = {"identity": lambda v: v, "relu": lambda v: np.maximum(v, 0), "tanh": np.tanh,
                 "sigmoid": lambda v: 1 / (1 + np.exp(-v))}
    return functions[code](x)


def sequential_indices(activations):
    """Index of each Linear in the equivalent nn.Sequential (non-identity activations count)."""
    indices, position = [], 0
    for code in activations:
        indices.append(position)
        position += 1 if code == "identity" else 2
    return indices


def generate_numpy(tensors, network):
    x = tensors["fixed_noise"].astype(np.float64)
    for index, code in zip(sequential_indices(network["activations"]), network["activations"]):
        weight = tensors[f"generator.{index}.weight"].astype(np.float64)  # [out, in], as PyTorch
        bias = tensors[f"generator.{index}.bias"].astype(np.float64)
        x = activate(x @ weight.T + bias, code)
    return x


def layer_codes(network):
    """The module list of a recorded network: its "layers", or an MLP's sizes and activations."""
    if "layers" in network:
        return network["layers"]
    codes = []
    for i, code in enumerate(network["activations"]):
        codes.append(f"linear({network['sizes'][i]},{network['sizes'][i + 1]})")
        if code != "identity":
            codes.append(code)
    return codes


def torch_module(code):
    """The PyTorch module a layer code names, e.g. "conv_transpose2d(128,64,4,2,1)"."""
    from torch import nn
    slope = leaky_slope(code)
    if slope is not None:
        return nn.LeakyReLU(slope)
    simple = {"identity": nn.Identity, "relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "flatten": nn.Flatten}
    if code in simple:
        return simple[code]()
    name, arguments = code[:-1].split("(")
    values = [int(v) for v in arguments.split(",")]
    if name == "unflatten":
        return nn.Unflatten(1, tuple(values))
    return {"linear": nn.Linear, "conv2d": nn.Conv2d, "conv_transpose2d": nn.ConvTranspose2d,
            "batch_norm2d": nn.BatchNorm2d}[name](*values)


def load_torch(tensors, network, prefix):
    """The recorded network as an nn.Sequential with the checkpoint's state (strict), in eval mode."""
    import torch
    from torch import nn
    model = nn.Sequential(*[torch_module(code) for code in layer_codes(network)])
    state = {k[len(prefix):]: torch.from_numpy(v) for k, v in tensors.items() if k.startswith(prefix)}
    model.load_state_dict(state, strict=True)
    return model.eval()


def generate_torch(tensors, network):
    """The generator's output on the fixed noise through PyTorch; None if torch is not installed."""
    try:
        import torch
    except ImportError:
        return None
    model = load_torch(tensors, network, "generator.")
    with torch.no_grad():
        return model(torch.from_numpy(tensors["fixed_noise"])).double().numpy()


def read_png(path):
    """8-bit gray or RGB, non-interlaced PNG -> (height, width, channels) uint8 array (what ganscope
    writes: gray for gray data sets, RGB for colour ones)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, idat, header = 8, b"", None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        crc, = struct.unpack(">I", data[position + 8 + length:position + 12 + length])
        assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc, f"bad CRC in {kind}"
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert (depth, interlace) == (8, 0) and colour in (0, 2), f"unsupported PNG {header}"
    channels = 3 if colour == 2 else 1
    stride = width * channels
    raw = zlib.decompress(idat)
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            # The filters predict from the same channel of the pixel to the left.
            left = line[x - channels] if x >= channels else 0
            up, up_left = previous[x], (previous[x - channels] if x >= channels else 0)
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else up_left)
                line[x] = (line[x] + predictor) & 255
        rows.append(bytes(line))
        previous = line
    return np.frombuffer(b"".join(rows), dtype=np.uint8).reshape(height, width, channels)


def read_with_pillow(path, channels):
    """The same image through Pillow, when it is installed: a second, independent decoder."""
    try:
        from PIL import Image
    except ImportError:
        return None
    image = Image.open(path)
    assert image.mode == ("RGB" if channels == 3 else "L"), f"Pillow reads mode {image.mode}"
    return np.asarray(image).reshape(image.height, image.width, channels)


def read_pgm(path):
    data = open(path, "rb").read()
    fields = data.split(maxsplit=4)
    assert fields[0] == b"P5" and fields[3] == b"255", "not an 8-bit binary PGM"
    width, height = int(fields[1]), int(fields[2])
    return np.frombuffer(fields[4][:width * height], dtype=np.uint8).reshape(height, width, 1)


def grid_difference(outputs, image_path, data):
    """The largest difference, in 8-bit steps, between samples `outputs` ((N, C·H·W) in [-1, 1],
    planes C, H, W) and the tiles of the grid ganscope wrote at `image_path` (PNG or PGM; the
    default square grid with 1-pixel gaps) for images described by the record's `data`."""
    width, height = data["width"], data["height"]
    channels = data.get("channels", 1)  # absent before colour: gray
    expected = np.clip(np.floor((outputs + 1) / 2 * 255 + 0.5), 0, 255)
    png = image_path.lower().endswith(".png")
    grid = read_png(image_path) if png else read_pgm(image_path)
    assert grid.shape[2] == channels, f"the image has {grid.shape[2]} channels, the data {channels}"
    pillow = read_with_pillow(image_path, channels) if png else None
    if pillow is not None:
        assert np.array_equal(pillow, grid), "Pillow decodes other pixels"
        print(f"Pillow reads the same {'RGB' if channels == 3 else 'gray'} pixels")
    count = outputs.shape[0]
    columns = math.ceil(math.sqrt(count))  # ganscope's default grid, 1-pixel gaps
    worst = 0
    for i in range(count):
        top, left = (i // columns) * (height + 1), (i % columns) * (width + 1)
        tile = grid[top:top + height, left:left + width].astype(np.int64)
        # A sample is stored plane after plane (C, H, W); the picture has the channels last.
        sample = expected[i].reshape(channels, height, width).transpose(1, 2, 0)
        worst = max(worst, int(np.abs(tile - sample).max()))
    return worst


def main():
    arguments = [a for a in sys.argv[1:] if a != "--discriminator"]
    if len(arguments) != 2:
        sys.exit(__doc__)
    checkpoint, image_path = arguments
    tensors = load_file(checkpoint)
    with safe_open(checkpoint, "np") as handle:
        metadata = handle.metadata()
    assert metadata["format"] == "ganscope-checkpoint", "not a ganscope checkpoint"
    architecture = json.loads(metadata["architecture"])
    assert architecture["data"]["kind"] == "image", "sample grids exist for image data sets only"
    width, height = architecture["data"]["width"], architecture["data"]["height"]
    channels = architecture["data"].get("channels", 1)  # absent before colour: gray

    generator = architecture["generator"]
    numpy_outputs = generate_numpy(tensors, generator) if "sizes" in generator else None
    torch_outputs = generate_torch(tensors, generator)
    outputs = numpy_outputs if numpy_outputs is not None else torch_outputs
    if outputs is None:
        sys.exit("a convolutional generator needs PyTorch")
    worst = grid_difference(outputs, image_path, architecture["data"])
    reference = "numpy" if numpy_outputs is not None else "PyTorch (eval mode)"
    print(f"step {metadata['step']}, {outputs.shape[0]} images of {width}x{height}x{channels}: "
          f"max pixel difference {worst}/255 against {reference}")

    if numpy_outputs is not None and torch_outputs is not None:
        print(f"PyTorch nn.Sequential (load_state_dict strict): max |torch - numpy| "
              f"{np.abs(torch_outputs - numpy_outputs).max():.2e}")
    if "--discriminator" in sys.argv:
        import torch
        model = load_torch(tensors, architecture["discriminator"], "discriminator.")
        with torch.no_grad():
            logits = model(torch.from_numpy(outputs.astype(np.float32)))
        print(f"discriminator loaded (strict): logits {tuple(logits.shape)}, mean {logits.mean().item():.3f}")
    sys.exit(0 if worst <= 1 else 1)


if __name__ == "__main__":
    main()
