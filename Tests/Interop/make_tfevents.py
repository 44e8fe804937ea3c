"""Writes the TensorBoard event files the Swift tests read, with PyTorch's real SummaryWriter.

Run it from the repository root with a Python that has torch, tensorboard and numpy:

    ~/torchenv/bin/python Tests/Interop/make_tfevents.py

It replaces Tests/TensorBoardTests/Fixtures/: one folder per fixture, each holding one event
file with a fixed name, and expected.json, which says what each file holds (tags, steps, values,
image sizes) so the tests check against what PyTorch was asked to write, not against our reader.
"""
import json
import os
import shutil
import tempfile

import numpy as np
from torch.utils.tensorboard import SummaryWriter

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "TensorBoardTests", "Fixtures")


def write_run(name, body):
    """Runs body(writer) against a SummaryWriter in a fresh folder; returns the event file's bytes."""
    with tempfile.TemporaryDirectory() as folder:
        writer = SummaryWriter(log_dir=folder)
        body(writer)
        writer.close()
        files = [f for f in os.listdir(folder) if "tfevents" in f]
        assert len(files) == 1, files
        with open(os.path.join(folder, files[0]), "rb") as f:
            return f.read()


def save(name, data):
    os.makedirs(os.path.join(FIXTURES, name), exist_ok=True)
    with open(os.path.join(FIXTURES, name, "events.out.tfevents." + name), "wb") as f:
        f.write(data)


def loss_d(step):
    return 1.5 - 0.01 * step


def loss_g(step):
    return 0.5 + 0.02 * step


def scalars(writer):
    for step in range(0, 50, 5):
        writer.add_scalar("Loss/D", loss_d(step), step)
        writer.add_scalar("Loss/G", loss_g(step), step)
        writer.add_scalar("D(x)", 0.9 - 0.005 * step, step)
        writer.add_scalar("accuracy", step / 100.0, step, new_style=True)


def gray_pattern(width, height):
    return np.array([[(x * 30 + y * 10) % 256 for x in range(width)] for y in range(height)], dtype=np.uint8)


def rgb_pattern(width, height):
    gray = gray_pattern(width, height)
    return np.stack([gray, 255 - gray, np.full_like(gray, 77)])  # CHW


def images(writer):
    # add_image of a gray (1, H, W) and an RGB (3, H, W) uint8 picture, then an add_images grid
    # of four RGB pictures in [0, 1] floats.
    writer.add_image("sample/gray", gray_pattern(8, 6)[None], 100)
    writer.add_image("sample/rgb", rgb_pattern(7, 5), 100)
    batch = np.stack([rgb_pattern(6, 4).astype(np.float32) / 255.0 for _ in range(4)])
    for step in (100, 200):
        writer.add_images("grid", batch, step)


def main():
    shutil.rmtree(FIXTURES, ignore_errors=True)
    os.makedirs(FIXTURES)
    scalar_bytes = write_run("scalars", scalars)
    save("scalars", scalar_bytes)
    save("images", write_run("images", images))
    # Cut 7 bytes before the end: inside the last record (its data and checksum).
    save("cut", scalar_bytes[:-7])

    steps = list(range(0, 50, 5))
    expected = {
        "scalars": {
            "Loss/D": {"steps": steps, "values": [loss_d(s) for s in steps]},
            "Loss/G": {"steps": steps, "values": [loss_g(s) for s in steps]},
            "D(x)": {"steps": steps, "values": [0.9 - 0.005 * s for s in steps]},
            "accuracy": {"steps": steps, "values": [s / 100.0 for s in steps], "newStyle": True},
        },
        "images": {
            # width, height, channels as PyTorch encodes them; the pixels of the patterns above.
            # PyTorch stores a one-channel add_image as an RGB PNG with three equal channels.
            "sample/gray": {"steps": [100], "width": 8, "height": 6, "channels": 3},
            "sample/rgb": {"steps": [100], "width": 7, "height": 5, "channels": 3},
            "grid": {"steps": [100, 200], "width": 24, "height": 4, "channels": 3},
        },
        "cut": {"cutBytes": 7, "fileBytes": len(scalar_bytes) - 7},
    }
    check_with_tensorboard(expected)
    with open(os.path.join(FIXTURES, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


def check_with_tensorboard(expected):
    """TensorBoard's own reader must agree with expected.json, so the tests compare with the truth."""
    import io
    from PIL import Image
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    guidance = {"images": 0, "scalars": 0, "tensors": 0}
    run = EventAccumulator(os.path.join(FIXTURES, "scalars"), size_guidance=guidance)
    run.Reload()
    for tag, series in expected["scalars"].items():
        events = run.Tensors(tag) if series.get("newStyle") else run.Scalars(tag)
        assert [e.step for e in events] == series["steps"], tag
    run = EventAccumulator(os.path.join(FIXTURES, "images"), size_guidance=guidance)
    run.Reload()
    for tag, series in expected["images"].items():
        events = run.Images(tag)
        assert [e.step for e in events] == series["steps"], tag
        for event in events:
            picture = Image.open(io.BytesIO(event.encoded_image_string))
            assert picture.size == (series["width"], series["height"]), (tag, picture.size)
            assert len(picture.getbands()) == series["channels"], (tag, picture.mode)


if __name__ == "__main__":
    main()
