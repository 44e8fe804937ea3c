#!/usr/bin/env python3
"""Writes small PyTorch generator state dicts as ganscope reads foreign generators.

Each generator is an nn.Sequential laid out as PyTorch tutorials and scripts/torch_gan_bench.py
do, with tiny layers (the inference must not assume the reference sizes), saved with
safetensors.torch.save_file and no metadata. expected.json records, for each file, what ganscope
must infer (latent size, image side, channels) and the generator's output in evaluation mode for
fixed latent vectors (in NAME.expected.safetensors: `latents` [2, z] and `output` [2, C*side*side],
float32); GANTests/ForeignGeneratorTests compares ganscope's output with it.

    ~/torchenv/bin/python Tests/Interop/make_foreign_generators.py Tests/GANTests/ForeignGenerators
"""
import json
import os
import sys

import torch
from safetensors.torch import save_file
from torch import nn


def mlp(sizes, hidden):
    layers = []
    for index, (inputs, outputs) in enumerate(zip(sizes, sizes[1:])):
        layers.append(nn.Linear(inputs, outputs))
        layers.append(hidden() if index < len(sizes) - 2 else nn.Tanh())
    return nn.Sequential(*layers)


def dcgan(z, inner_channels, side, channels, batch_norm):
    """make_dcgan's generator with two upsampling stages: z -> (inner, side/4, side/4) -> image."""
    s = side // 4
    middle = inner_channels - 1
    layers = [nn.Linear(z, inner_channels * s * s), nn.ReLU(), nn.Unflatten(1, (inner_channels, s, s)),
              nn.ConvTranspose2d(inner_channels, middle, 4, 2, 1)]
    if batch_norm:
        layers.append(nn.BatchNorm2d(middle))
    layers += [nn.ReLU(), nn.ConvTranspose2d(middle, channels, 4, 2, 1), nn.Tanh(), nn.Flatten()]
    return nn.Sequential(*layers)


def warm_up(generator, z):
    """A few training-mode passes so BatchNorm's running statistics are not their defaults."""
    generator.train()
    with torch.no_grad():
        for _ in range(3):
            generator(torch.randn(8, z))
    generator.eval()


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "Tests/GANTests/ForeignGenerators"
    os.makedirs(folder, exist_ok=True)
    torch.manual_seed(10)
    cases = {
        # name: (generator, z, side, channels, tensor-name prefix)
        "mlp_gray": (mlp([4, 8, 16], lambda: nn.LeakyReLU(0.2)), 4, 4, 1, ""),
        "mlp_colour_prefixed": (mlp([3, 6, 6, 12], lambda: nn.LeakyReLU(0.2)), 3, 2, 3, "generator."),
        "mlp_relu": (mlp([3, 5, 9], nn.ReLU), 3, 3, 1, ""),
        "dcgan_gray28": (dcgan(5, 4, 28, 1, batch_norm=False), 5, 28, 1, ""),
        "dcgan_bn_colour32": (dcgan(6, 4, 32, 3, batch_norm=True), 6, 32, 3, "generator."),
    }
    expected = {}
    for name, (generator, z, side, channels, prefix) in cases.items():
        warm_up(generator, z)
        state = {prefix + key: value.contiguous() for key, value in generator.state_dict().items()}
        save_file(state, os.path.join(folder, name + ".safetensors"))
        latents = torch.randn(2, z)
        with torch.no_grad():
            output = generator(latents).reshape(2, -1)
        assert output.shape[1] == channels * side * side, (name, output.shape)
        save_file({"latents": latents, "output": output.contiguous()},
                  os.path.join(folder, name + ".expected.safetensors"))
        expected[name] = {"latent_dimension": z, "side": side, "channels": channels}

    # A layout ganscope does not know: a custom module's attribute names, not nn.Sequential indices.
    class Custom(nn.Module):
        def __init__(self):
            super().__init__()
            self.project = nn.Linear(4, 8)
            self.out = nn.Linear(8, 16)

    save_file(Custom().state_dict(), os.path.join(folder, "unknown_layout.safetensors"))
    with open(os.path.join(folder, "expected.json"), "w") as handle:
        json.dump(expected, handle, indent=1)
        handle.write("\n")
    print(f"wrote {2 * len(cases) + 1} files and expected.json to {folder}")


if __name__ == "__main__":
    main()
