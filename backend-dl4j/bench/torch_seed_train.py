#!/usr/bin/python3
"""PyTorch CPU training throughput of the seed autoencoder (SEED.md), for a side-by-side ratio with the dl4j
backend. Random 80x80 images; MSE; Adadelta (lr 1.0, rho 0.95, eps 1e-7); dropout 0.3 after the first pool;
L1 activity penalty 1e-9 on every convolution output, as the dl4j trainer computes it.
Usage: torch_seed_train.py IMAGES BATCH EPOCHS THREADS   -> prints "torch img/s N" (epochs after the first)."""
import sys, time
import torch, torch.nn as nn, torch.nn.functional as F

images, batch, epochs, threads = (int(a) for a in sys.argv[1:5])
torch.set_num_threads(threads)
torch.manual_seed(1)

class SeedAutoencoder(nn.Module):
    def __init__(self):
        super().__init__()
        spec = [(3, 64), (64, 64), (64, 128), (128, 128), (128, 256), (256, 128), (128, 128), (128, 64), (64, 64), (64, 3)]
        self.convs = nn.ModuleList(nn.Conv2d(i, o, 3, padding=1) for i, o in spec)

    def forward(self, x):
        acts = []
        def conv(i, v):
            a = F.relu(self.convs[i](v)); acts.append(a); return a
        l2 = conv(1, conv(0, x))
        l3 = F.dropout(F.max_pool2d(l2, 2), 0.3, self.training)
        l5 = conv(3, conv(2, l3))
        l7 = conv(4, F.max_pool2d(l5, 2))
        l11 = l5 + conv(6, conv(5, F.interpolate(l7, scale_factor=2, mode='nearest')))
        l15 = conv(8, conv(7, F.interpolate(l11, scale_factor=2, mode='nearest'))) + l2
        return conv(9, l15), acts

model = SeedAutoencoder()
opt = torch.optim.Adadelta(model.parameters(), lr=1.0, rho=0.95, eps=1e-7)
x = torch.rand(images, 3, 80, 80)
y = torch.rand(images, 3, 80, 80)
start = None
counted = 0
for epoch in range(epochs):
    if epoch == 1:
        start = time.perf_counter()
    perm = torch.randperm(images)
    for i in range(0, images, batch):
        idx = perm[i:i + batch]
        opt.zero_grad()
        out, acts = model(x[idx])
        loss = F.mse_loss(out, y[idx]) + 1e-9 / len(idx) * sum(a.abs().sum() for a in acts)
        loss.backward()
        opt.step()
        if epoch >= 1:
            counted += len(idx)
print(f"torch img/s {counted / (time.perf_counter() - start):.3f}", flush=True)
