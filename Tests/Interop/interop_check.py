#!/usr/bin/env python3
"""Checks that a ganscope checkpoint is usable outside ganscope.

Loads the snapshot with safetensors + numpy (no ganscope code), runs the generator on the stored
fixed noise, maps the output to pixels as ganscope does (round((x + 1) / 2 * 255), clamped), and
compares with the grid that `ganscope sample --fixed` wrote, decoding the PNG here with zlib and
struct (or reading a binary PGM). With PyTorch installed it also loads the generator into an
nn.Sequential with load_state_dict(strict=True) and compares its output.

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


def generate_torch(tensors, network):
    """The same generator as a PyTorch module; None if torch is not installed."""
    try:
        import torch
        from torch import nn
    except ImportError:
        return None
    layers = []
    sizes, activations = network["sizes"], network["activations"]
    for i, code in enumerate(activations):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        slope = leaky_slope(code)
        if slope is not None:
            layers.append(nn.LeakyReLU(slope))
        elif code != "identity":
            layers.append({"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}[code]())
    model = nn.Sequential(*layers)
    state = {k[len("generator."):]: torch.from_numpy(v) for k, v in tensors.items() if k.startswith("generator.")}
    model.load_state_dict(state, strict=True)
    with torch.no_grad():
        return model(torch.from_numpy(tensors["fixed_noise"])).double().numpy()


def read_png(path):
    """8-bit grayscale, non-interlaced PNG -> 2-D uint8 array (what ganscope writes)."""
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
    assert (depth, colour, interlace) == (8, 0, 0), f"unsupported PNG {header}"
    raw = zlib.decompress(idat)
    rows, previous = [], bytearray(width)
    for y in range(height):
        start = y * (width + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + width])
        for x in range(width):
            left = line[x - 1] if x else 0
            up, up_left = previous[x], (previous[x - 1] if x else 0)
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
    return np.frombuffer(b"".join(rows), dtype=np.uint8).reshape(height, width)


def read_pgm(path):
    data = open(path, "rb").read()
    fields = data.split(maxsplit=4)
    assert fields[0] == b"P5" and fields[3] == b"255", "not an 8-bit binary PGM"
    width, height = int(fields[1]), int(fields[2])
    return np.frombuffer(fields[4][:width * height], dtype=np.uint8).reshape(height, width)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    checkpoint, image_path = sys.argv[1], sys.argv[2]
    tensors = load_file(checkpoint)
    with safe_open(checkpoint, "np") as handle:
        metadata = handle.metadata()
    assert metadata["format"] == "ganscope-checkpoint", "not a ganscope checkpoint"
    architecture = json.loads(metadata["architecture"])
    assert architecture["data"]["kind"] == "image", "sample grids exist for image data sets only"
    width, height = architecture["data"]["width"], architecture["data"]["height"]

    outputs = generate_numpy(tensors, architecture["generator"])
    expected = np.clip(np.floor((outputs + 1) / 2 * 255 + 0.5), 0, 255)
    grid = read_png(image_path) if image_path.lower().endswith(".png") else read_pgm(image_path)
    count = outputs.shape[0]
    columns = math.ceil(math.sqrt(count))  # ganscope's default grid, 1-pixel gaps
    worst = 0
    for i in range(count):
        top, left = (i // columns) * (height + 1), (i % columns) * (width + 1)
        tile = grid[top:top + height, left:left + width].astype(np.int64)
        worst = max(worst, int(np.abs(tile - expected[i].reshape(height, width)).max()))
    print(f"step {metadata['step']}, {count} images of {width}x{height}: "
          f"max pixel difference {worst}/255 against numpy")

    torch_outputs = generate_torch(tensors, architecture["generator"])
    if torch_outputs is not None:
        print(f"PyTorch nn.Sequential (load_state_dict strict): max |torch - numpy| "
              f"{np.abs(torch_outputs - outputs).max():.2e}")
    sys.exit(0 if worst <= 1 else 1)


if __name__ == "__main__":
    main()
