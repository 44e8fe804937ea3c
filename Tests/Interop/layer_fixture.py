#!/usr/bin/env python3
"""Writes the PyTorch reference for ganscope's convolution and batch-norm layers.

For a few small layers with fixed weights and inputs (float64, seeded), records what PyTorch
computes: the forward output, and for a fixed upstream gradient dL/dy the gradients of the input,
weight and bias; for BatchNorm2d also the running statistics and num_batches_tracked after the
pass, in training and in evaluation mode. NeuralNetTests/TorchLayerTests runs ganscope's layers
on the same numbers and compares.

    ~/torchenv/bin/python Tests/Interop/layer_fixture.py Tests/NeuralNetTests/Fixtures/torch_layers.json
"""
import json
import sys

import torch
from torch import nn


def flat(tensor):
    return [float(v) for v in tensor.detach().reshape(-1)]


def run(layer, batch, input_shape):
    x = torch.randn(batch, *input_shape, dtype=torch.float64, requires_grad=True)
    y = layer(x)
    upstream = torch.randn_like(y)
    (y * upstream).sum().backward()
    return {"batch": batch, "input": flat(x), "upstream": flat(upstream), "output": flat(y),
            "grad_input": flat(x.grad), "weight": flat(layer.weight), "bias": flat(layer.bias),
            "grad_weight": flat(layer.weight.grad), "grad_bias": flat(layer.bias.grad)}


def convolution(kind, channels_in, channels_out, kernel, stride, padding, height, width, batch):
    module = nn.Conv2d if kind == "conv2d" else nn.ConvTranspose2d
    layer = module(channels_in, channels_out, kernel, stride, padding).double()
    case = run(layer, batch, (channels_in, height, width))
    case.update(kind=kind, in_channels=channels_in, out_channels=channels_out, kernel=kernel,
                stride=stride, padding=padding, height=height, width=width)
    return case


def batch_norm(training, channels, height, width, batch):
    layer = nn.BatchNorm2d(channels).double()
    with torch.no_grad():
        layer.weight.copy_(torch.rand(channels, dtype=torch.float64) + 0.5)
        layer.bias.copy_(torch.randn(channels, dtype=torch.float64))
        layer.running_mean.copy_(torch.randn(channels, dtype=torch.float64))
        layer.running_var.copy_(torch.rand(channels, dtype=torch.float64) + 0.5)
    running_mean, running_var = flat(layer.running_mean), flat(layer.running_var)
    layer.train(training)
    case = run(layer, batch, (channels, height, width))
    case.update(kind="batchnorm2d", training=training, channels=channels, height=height, width=width,
                running_mean_before=running_mean, running_var_before=running_var,
                running_mean_after=flat(layer.running_mean), running_var_after=flat(layer.running_var),
                batches_tracked=int(layer.num_batches_tracked))
    return case


def main():
    torch.manual_seed(9)
    cases = [
        convolution("conv2d", 2, 3, 4, 2, 1, 6, 5, 2),    # the DCGAN's downsampling shape
        convolution("conv2d", 3, 2, 3, 1, 1, 4, 3, 2),
        convolution("conv2d", 1, 2, 2, 3, 0, 7, 5, 1),    # stride larger than the kernel
        convolution("conv_transpose2d", 3, 2, 4, 2, 1, 3, 2, 2),   # the DCGAN's upsampling shape
        convolution("conv_transpose2d", 2, 3, 3, 2, 0, 2, 3, 2),
        batch_norm(True, 3, 2, 3, 4),
        batch_norm(False, 2, 3, 2, 3),
    ]
    with open(sys.argv[1], "w") as out:
        json.dump({"torch": torch.__version__, "cases": cases}, out)
        out.write("\n")


if __name__ == "__main__":
    main()
