#!/usr/bin/python3
"""Replays an enhance4j `train --preset seed --seed SEED` run in PyTorch, to check that the DL4J trainer does the
seed recipe's arithmetic: ../shared/tools/seed_reference.py's data, model, Adadelta, MSE and validation PSNR, driven
by the DL4J trainer's own random streams (initial weights, per-epoch shuffle, dropout masks; see Parameters.initial,
Dl4jTrainer.shuffled and Dl4jTrainer.step) and its L1 activity penalty. Both sides then compute the same thing on
the same numbers, and only floating-point rounding separates their per-batch losses and per-epoch PSNR.
Usage: seed_replay.py LFW_DIR EPOCHS SEED [MAX_BATCHES]   (LFW_DIR: lfw-deepfunneled.tgz unpacked; needs Debian's
python3-torch and python3-opencv). A cross-check tool: nothing in the project needs Python."""
import sys, glob, time
import numpy as np, cv2, torch, torch.nn as nn
torch.set_num_threads(2)
M64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15

def mix(*values):  # PairSource.mix
    h = GOLDEN
    for v in values:
        v &= M64
        h ^= (v + GOLDEN + ((h << 6) & M64) + (h >> 2)) & M64
        h = (h * 0xBF58476D1CE4E5B9) & M64
        h ^= h >> 31
    return h

M48 = (1 << 48) - 1
def java_shuffled(n, seed):  # Dl4jTrainer.shuffled: Fisher-Yates with java.util.Random(seed)
    s = (seed ^ 0x5DEECE66D) & M48
    order = list(range(n))
    def next31():
        nonlocal s
        s = (s * 0x5DEECE66D + 0xB) & M48
        return s >> 17
    for i in range(n - 1, 0, -1):
        bound = i + 1; r = next31(); m = bound - 1
        if bound & m == 0:
            r = (bound * r) >> 31
        else:
            u = r; r = u % bound
            while u - r + m >= 1 << 31:
                u = next31(); r = u % bound
        order[i], order[r] = order[r], order[i]
    return np.array(order, dtype=np.int32)

def splitmix_doubles(seed, count, start=0):  # java.util.SplittableRandom(seed).nextDouble() x count, after `start`
    with np.errstate(over='ignore'):
        k = np.arange(start + 1, start + count + 1, dtype=np.uint64)
        z = np.uint64(seed & M64) + k * np.uint64(GOLDEN)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * (2.0 ** -53)

def load(paths):
    out = []
    for p in paths:
        img = cv2.cvtColor(cv2.imread(p), cv2.COLOR_BGR2RGB)
        out.append(cv2.resize(img, (80, 80), interpolation=cv2.INTER_NEAREST).astype(np.float32) / 255.0)
    return np.stack(out)

def pixelate(img, pct=40):
    h, w = img.shape[:2]
    small = cv2.resize(img, (int(w * pct / 100), int(h * pct / 100)), interpolation=cv2.INTER_AREA)
    return cv2.resize(small, (int(small.shape[1] * 100 / pct), int(small.shape[0] * 100 / pct)), interpolation=cv2.INTER_AREA)

def psnr(a, b):
    mse = np.mean((np.clip(a, 0, 1) - b) ** 2, axis=(1, 2, 3))
    return float(np.mean(10 * np.log10(1.0 / np.maximum(mse, 1e-12))))

NAMES = ['l1', 'l2', 'l4', 'l5', 'l7', 'l9', 'l10', 'l13', 'l14', 'dec']
class Seed(nn.Module):
    def __init__(s, seed):
        super().__init__()
        c = lambda i, o: nn.Conv2d(i, o, 3, padding=1)
        s.l1, s.l2, s.l4, s.l5, s.l7 = c(3, 64), c(64, 64), c(64, 128), c(128, 128), c(128, 256)
        s.l9, s.l10, s.l13, s.l14, s.dec = c(256, 128), c(128, 128), c(128, 64), c(64, 64), c(64, 3)
        used = 0  # Parameters.initial: Glorot uniform from SplittableRandom(seed ^ 0x5EED) in layer order, zero biases
        for name in NAMES:
            conv = getattr(s, name); o, i = conv.weight.shape[:2]
            limit = np.sqrt(6.0 / (i * 9.0 + o * 9.0))
            u = splitmix_doubles(seed ^ 0x5EED, o * i * 9, used); used += o * i * 9
            with torch.no_grad():
                conv.weight.copy_(torch.from_numpy(((u * 2 - 1) * limit).astype(np.float32).reshape(o, i, 3, 3)))
                conv.bias.zero_()
    def forward(s, x, mask=None):
        r, up, pool = torch.relu, nn.functional.interpolate, nn.functional.max_pool2d
        acts = []
        def a(t): acts.append(t); return t
        l2 = a(r(s.l2(a(r(s.l1(x))))))
        l3 = pool(l2, 2)
        if mask is not None: l3 = l3 * mask
        l5 = a(r(s.l5(a(r(s.l4(l3))))))
        l7 = a(r(s.l7(pool(l5, 2))))
        l11 = l5 + a(r(s.l10(a(r(s.l9(up(l7, scale_factor=2)))))))
        l15 = a(r(s.l14(a(r(s.l13(up(l11, scale_factor=2)))))))  + l2
        return a(r(s.dec(l15))), acts

lfw, epochs, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
max_batches = int(sys.argv[4]) if len(sys.argv) > 4 else 1 << 30
paths = sorted(glob.glob(lfw + '/**/*.jpg', recursive=True))
x = load(paths); rng = np.random.RandomState(32); idx = rng.permutation(len(x)); nval = len(x) // 10
val, train = x[idx[:nval]], x[idx[nval:]]
val_px = np.stack([pixelate(i) for i in val]); train_px = np.stack([pixelate(i) for i in train])
print(f"train {len(train)} val {len(val)}; baseline val PSNR {psnr(val_px, val):.4f} dB", flush=True)
t = lambda a: torch.from_numpy(a).permute(0, 3, 1, 2).contiguous()
m = Seed(seed); opt = torch.optim.Adadelta(m.parameters(), lr=1.0, rho=0.95, eps=1e-7)
BATCH, RATE, L1 = 256, 0.3, 1e-9
keep = np.float32(1 / (1 - RATE))
def predict(a):
    outs = []
    with torch.no_grad():
        for i in range(0, len(a), 256): outs.append(m(t(a[i:i + 256]))[0].permute(0, 2, 3, 1).numpy())
    return np.concatenate(outs)
for ep in range(1, epochs + 1):
    order = java_shuffled(len(train), mix(seed, ep, 0x5AFF1E))
    t0 = time.time(); lsum = 0.0; n = 0
    for bi, i in enumerate(range(0, len(train), BATCH)):
        if bi >= max_batches: break
        b = order[i:i + BATCH]; B = len(b)
        u = splitmix_doubles(mix(seed, ep, bi, 0xD80), B * 40 * 40 * 64)
        mask = torch.from_numpy(np.where(u < RATE, np.float32(0), keep).astype(np.float32).reshape(B, 40, 40, 64)).permute(0, 3, 1, 2)
        opt.zero_grad()
        out, acts = m(t(train_px[b]), mask)
        loss = nn.functional.mse_loss(out, t(train[b]))
        objective = loss + (L1 / B) * sum(a.sum() for a in acts)
        objective.backward(); opt.step()
        lsum += loss.item() * B; n += B
        print(f"  epoch {ep} batch {bi + 1}: loss {loss.item():.6f}", flush=True)
    dt = time.time() - t0
    if n == len(train):
        pv = predict(val_px)
        vloss = float(np.mean((pv - val) ** 2))
        print(f"epoch {ep}: train loss {lsum / n:.6f} val loss {vloss:.6f} val PSNR {psnr(pv, val):.4f} dB  {n / dt:.1f} img/s", flush=True)
