#!/usr/bin/env python3
"""Checks that a ganscope autoencoder checkpoint loads into PyTorch and computes what ganscope does.

The encoder and decoder are built as nn.Sequential from the recorded layers and loaded with
load_state_dict(strict=True) from the `encoder.*` and `decoder.*` tensors (BatchNorm's
num_batches_tracked as int64), in evaluation mode as ganscope draws. Then, against the forward
passes ganscope wrote beside the checkpoint (AutoencoderInteropExport in GANTests):

- the encoder's code on the exported rows: its first L values (the VAE's μ, or the AE's z);
- the decoder on the stored fixed_noise, mapped to data space (2·sigmoid(logit) − 1 for BCE,
  unchanged for MSE);
- the reconstructions: the decoder on the codes, mapped alike.

    GANSCOPE_INTEROP_OUT=/tmp/ae swift test --filter AutoencoderInteropExport
    ~/torchenv/bin/python Tests/Interop/autoencoder_check.py /tmp/ae/vae-mlp.safetensors

Exits 0 when every value is within 1e-4 (float32 in both, summed in another order).

A snapshot of a real run (`train --model ae|vae [--network dcgan]`) has no reference passes: give
instead the grid `sample --fixed` drew from it, and the decoded fixed noise is compared with its
pixels (within 1/255), as interop_check.py does for a GAN:

    ganscope sample --checkpoint CKPT --fixed --out grid.png
    ~/torchenv/bin/python Tests/Interop/autoencoder_check.py CKPT grid.png
"""
import json
import sys

import torch
from safetensors import safe_open
from safetensors.numpy import load_file

from interop_check import grid_difference, load_torch

TOLERANCE = 1e-4


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    checkpoint = sys.argv[1]
    with safe_open(checkpoint, "np") as handle:
        metadata = handle.metadata()
    tensors = load_file(checkpoint)
    record = json.loads(metadata["architecture"])
    latent = record["latent_dimension"]
    encoder = load_torch(tensors, record["encoder"], "encoder.")
    decoder = load_torch(tensors, record["decoder"], "decoder.")
    loaded = (f"{metadata['model_kind']} ({metadata['reconstruction']}), step {metadata['step']}: encoder "
              f"{len(encoder)} and decoder {len(decoder)} modules loaded (strict)")

    def to_data(outputs):
        return 2 * torch.sigmoid(outputs) - 1 if metadata["reconstruction"] == "bce" else outputs

    if len(sys.argv) == 3:
        with torch.no_grad():
            prior = to_data(decoder(torch.from_numpy(tensors["fixed_noise"]))).numpy()
        worst = grid_difference(prior, sys.argv[2], record["data"])
        print(f"{loaded}; decoded fixed noise against {sys.argv[2]}: max pixel difference {worst}/255")
        sys.exit(0 if worst <= 1 else 1)

    reference_path = checkpoint.replace(".safetensors", ".reference.safetensors")
    reference = {k: torch.from_numpy(v) for k, v in load_file(reference_path).items()}
    with torch.no_grad():
        code = encoder(reference["input"])
        means = code[:, :latent]
        prior = to_data(decoder(torch.from_numpy(tensors["fixed_noise"])))
        reconstructions = to_data(decoder(means))
    worst = 0.0
    for name, ours in [("latent_means", means), ("prior_samples", prior), ("reconstructions", reconstructions)]:
        difference = (ours - reference[name]).abs().max().item()
        worst = max(worst, difference)
        print(f"{name} {tuple(ours.shape)}: max |torch - ganscope| {difference:.2e}")
    print(loaded)
    sys.exit(0 if worst <= TOLERANCE else 1)


if __name__ == "__main__":
    main()
