"""Checks that TensorBoard's own reader opens an event file ganscope wrote (--tensorboard DIR).

    ~/torchenv/bin/python Tests/Interop/check_tfevents.py DIR [--steps N] [--log-every N] [--image-every N]

Loads DIR with tensorboard's EventAccumulator and requires: the scalars loss/D, loss/G, D(x),
D(G(z)) and steps_per_sec at step 1 and every --log-every steps up to --steps, all finite; the
image tag "samples" at every --image-every steps (step 0 included), each a PNG that PIL decodes
to the size the summary states. Prints what it found; exits 1 on the first mismatch.
"""
import argparse
import io
import math
import sys

from PIL import Image
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--log-every", type=int, default=10)
    parser.add_argument("--image-every", type=int, default=500)
    args = parser.parse_args()

    run = EventAccumulator(args.folder, size_guidance={"scalars": 0, "images": 0})
    run.Reload()
    tags = run.Tags()
    print("scalars:", ", ".join(tags["scalars"]))
    print("images:", ", ".join(tags["images"]))

    wanted_steps = sorted({1} | set(range(args.log_every, args.steps + 1, args.log_every)))
    for tag in ["loss/D", "loss/G", "D(x)", "D(G(z))", "steps_per_sec"]:
        if tag not in tags["scalars"]:
            sys.exit(f"missing scalar {tag}")
        events = run.Scalars(tag)
        steps = [e.step for e in events]
        if steps != wanted_steps:
            sys.exit(f"{tag}: steps {steps[:5]}... ({len(steps)}), wanted {wanted_steps[:5]}... ({len(wanted_steps)})")
        if not all(math.isfinite(e.value) for e in events):
            sys.exit(f"{tag}: a value is not finite")
        print(f"{tag}: {len(events)} values, last {events[-1].value:.4f} at step {events[-1].step}")
    metrics = [t for t in tags["scalars"] if t.startswith("metrics/")]
    print("metrics:", ", ".join(metrics) if metrics else "none")

    if "samples" not in tags["images"]:
        sys.exit("missing image samples")
    images = run.Images("samples")
    steps = [e.step for e in images]
    wanted = list(range(0, args.steps + 1, args.image_every))
    if steps != wanted:
        sys.exit(f"samples: steps {steps}, wanted {wanted}")
    for event in images:
        picture = Image.open(io.BytesIO(event.encoded_image_string))
        picture.load()
        if picture.size != (event.width, event.height):
            sys.exit(f"samples at step {event.step}: PNG is {picture.size}, summary says {event.width}x{event.height}")
    print(f"samples: {len(images)} PNG images at steps {steps}, {images[-1].width}x{images[-1].height} {picture.mode}")
    print("OK")


if __name__ == "__main__":
    main()
