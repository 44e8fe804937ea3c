"""A small PyTorch GAN that logs to TensorBoard the way people do, for trying `ganscope watch`.

    ~/torchenv/bin/python Tests/Interop/torch_gan_tensorboard.py runs/mlp-gan [--steps 3000] [--colour]
    ganscope watch runs/          # in another terminal, while it trains

An MLP GAN on 28x28 images (MNIST from --mnist DIR if its IDX files are there, else blurred
random strokes; with --colour each digit is tinted with a random colour), batch 64, Adam 2e-4.
Every 10 steps it logs Loss/D, Loss/G, D(x) and D(G(z)) with SummaryWriter.add_scalar; every 100
steps a grid of 16 samples with add_images; every --snapshot-every steps (default 500, 0 never)
G's state dict as LOGDIR/G_<step>.safetensors with safetensors.torch.save_file, which the
explorer of `ganscope watch` follows.
"""
import argparse
import gzip
import os

import numpy as np
import torch
from torch import nn
from safetensors.torch import save_file
from torch.utils.tensorboard import SummaryWriter


def load_images(mnist):
    for name in ("train-images-idx3-ubyte", "train-images-idx3-ubyte.gz"):
        path = os.path.join(mnist, name) if mnist else ""
        if path and os.path.exists(path):
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rb") as f:
                data = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784)
            return torch.from_numpy(data[:20000].astype(np.float32) / 127.5 - 1)
    generator = torch.Generator().manual_seed(0)
    return torch.tanh(torch.randn(20000, 784, generator=generator))


def tinted(gray):
    """Each image in a random colour: (N, 784) gray in -1..1 to (N, 3*784) RGB planes."""
    generator = torch.Generator().manual_seed(1)
    colour = torch.rand(len(gray), 3, 1, generator=generator) * 0.8 + 0.2
    return ((gray.unsqueeze(1) + 1) * colour - 1).reshape(len(gray), -1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("logdir")
    parser.add_argument("--steps", type=int, default=3000)
    # shared/ sits beside the repository on the development and CI machines.
    shared_mnist = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/data/mnist")
    parser.add_argument("--mnist", default=os.path.normpath(shared_mnist))
    parser.add_argument("--colour", action="store_true")
    parser.add_argument("--snapshot-every", type=int, default=500)
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(1)
    data = load_images(args.mnist)
    channels = 3 if args.colour else 1
    if args.colour:
        data = tinted(data)
    pixels = channels * 784
    g = nn.Sequential(nn.Linear(64, 256), nn.LeakyReLU(0.2), nn.Linear(256, 512), nn.LeakyReLU(0.2),
                      nn.Linear(512, pixels), nn.Tanh())
    d = nn.Sequential(nn.Linear(pixels, 512), nn.LeakyReLU(0.2), nn.Linear(512, 256), nn.LeakyReLU(0.2),
                      nn.Linear(256, 1))
    opt_g = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    loss = nn.BCEWithLogitsLoss()
    fixed = torch.randn(16, 64)
    writer = SummaryWriter(args.logdir)
    for step in range(1, args.steps + 1):
        real = data[torch.randint(0, len(data), (64,))]
        fake = g(torch.randn(64, 64))
        d_real, d_fake = d(real), d(fake.detach())
        loss_d = loss(d_real, torch.ones_like(d_real)) + loss(d_fake, torch.zeros_like(d_fake))
        opt_d.zero_grad()
        loss_d.backward()
        opt_d.step()
        d_fake = d(fake)
        loss_g = loss(d_fake, torch.ones_like(d_fake))
        opt_g.zero_grad()
        loss_g.backward()
        opt_g.step()
        if step % 10 == 0:
            writer.add_scalar("Loss/D", loss_d.item(), step)
            writer.add_scalar("Loss/G", loss_g.item(), step)
            writer.add_scalar("D(x)", torch.sigmoid(d_real).mean().item(), step)
            writer.add_scalar("D(G(z))", torch.sigmoid(d_fake).mean().item(), step)
        if step % 100 == 0:
            with torch.no_grad():
                samples = g(fixed).view(16, channels, 28, 28) * 0.5 + 0.5
            writer.add_images("samples", samples, step)
            writer.flush()
        if args.snapshot_every and step % args.snapshot_every == 0:
            save_file(g.state_dict(), os.path.join(args.logdir, f"G_{step:06d}.safetensors"))
    writer.close()


if __name__ == "__main__":
    main()
