# PyTorch peer for bench/train.bench.ts, one thread, data already in memory (uniform noise, or the MNIST
# digits the bench wrote for both sides):
#   mlp    LeNet-300-100 (784-300-100-10, ReLU), Adam 1.2e-3, batch 60
#   lenet5 LeNet-5 (conv 6 k5 -> pool -> conv 16 k5 -> pool -> 120 -> 84 -> 10, ReLU), SGD 0.05, batch 64
# Usage: torch_lenet.py MODEL STEPS REPS [DIGITS_DIR] (DIGITS_DIR: x.f32, n×784 float32 pixels, and
# labels.i32, n int32 labels, raw; without it, uniform noise and random labels). Prints one JSON line:
# samples/s per repetition (wall and CPU), and which BLAS the process really loaded, so the bench can
# refuse to compare against the reference BLAS.
import ctypes, json, os, re, sys, time
import torch

torch.set_num_threads(1)
torch.manual_seed(0)
# PAPERLAB_TORCH_FTZ=1: flush subnormals to zero, a setting PyTorch leaves off by default. In a long
# training run Adam's moments decay into float32's subnormal range, where x86 slows down; this shows how
# much of PyTorch's time that costs (our kernels flush those moments themselves, kernels.c).
flush_denormal = os.environ.get("PAPERLAB_TORCH_FTZ") == "1"
if flush_denormal:
    torch.set_flush_denormal(True)
model_name = sys.argv[1] if len(sys.argv) > 1 else "mlp"


def cpu_ms(fn, calls):
    """CPU ms per call of fn, after a warm-up."""
    for _ in range(max(3, calls // 10)):
        fn()
    c0 = time.process_time()
    for _ in range(calls):
        fn()
    return (time.process_time() - c0) * 1000 / calls


def profile():
    """The parts of one LeNet-300-100 Adam step (batch 60), each timed alone, as bench/train-profile.bench.ts
    times ours: GEMMs by direction, bias/activation, loss, optimizer, batch assembly, evaluation, whole step."""
    B, sizes, n = 60, [784, 300, 100, 10], 6000
    net = torch.nn.Sequential(
        torch.nn.Linear(784, 300), torch.nn.ReLU(), torch.nn.Linear(300, 100), torch.nn.ReLU(), torch.nn.Linear(100, 10)
    )
    lins = [m for m in net if isinstance(m, torch.nn.Linear)]
    W = [l.weight.detach().t().contiguous() for l in lins]  # [in, out], as ours
    acts = [torch.randn(B, w) for w in sizes]
    x, y = torch.rand(n, 784), torch.randint(0, 10, (n,))
    idx = torch.randint(0, n, (B,))
    out = {}
    out["gemm_forward"] = cpu_ms(lambda: [acts[i] @ w for i, w in enumerate(W)], 300)
    out["gemm_dX"] = cpu_ms(lambda: [acts[i + 2] @ w.t() for i, w in enumerate(W[1:])], 300)
    out["gemm_dW"] = cpu_ms(lambda: [acts[i].t() @ acts[i + 1] for i in range(3)], 300)

    def bias_act():
        for i, l in enumerate(lins):
            h = acts[i + 1] + l.bias.detach()
            if i < 2:
                torch.ops.aten.threshold_backward(acts[i + 1], torch.relu(h), 0)
            acts[i + 1].sum(0)

    out["bias_activation"] = cpu_ms(bias_act, 300)
    logits = torch.randn(B, 10, requires_grad=True)
    yb = y[idx]

    def loss():
        l = torch.nn.functional.cross_entropy(logits, yb)
        torch.autograd.grad(l, logits)

    out["loss"] = cpu_ms(loss, 300)
    opt = torch.optim.Adam(net.parameters(), lr=1.2e-3)
    for p in net.parameters():
        p.grad = torch.randn_like(p) * 1e-3
    out["optimizer_masks"] = cpu_ms(opt.step, 300)  # no masks: PyTorch's plain Adam
    out["batch_assembly"] = cpu_ms(lambda: (x[idx], y[idx]), 1000)
    xe, ye = x[:3000], y[:3000]

    def evaluate():
        with torch.no_grad():
            lo = net(xe)
            torch.nn.functional.cross_entropy(lo, ye)
            (lo.argmax(1) == ye).float().sum()

    out["evaluation"] = cpu_ms(evaluate, 20) / 100
    opt2 = torch.optim.Adam(net.parameters(), lr=1.2e-3)

    def step():
        i = torch.randint(0, n, (B,))
        opt2.zero_grad()
        torch.nn.functional.cross_entropy(net(x[i]), y[i]).backward()
        opt2.step()

    out["whole_step"] = cpu_ms(step, 300)
    parts = [v for k, v in out.items() if k not in ("whole_step", "evaluation")]
    out["dispatch_autograd_bookkeeping"] = out["whole_step"] - sum(parts)
    print(json.dumps({"torch": torch.__version__, "parts_ms": out}))
    sys.exit(0)


if model_name == "profile":
    profile()
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 300
reps = int(sys.argv[3]) if len(sys.argv) > 3 else 3
digits = sys.argv[4] if len(sys.argv) > 4 else None
n = 6000
y = torch.randint(0, 10, (n,))
if model_name == "mlp":
    batch = 60
    x = torch.rand(n, 784)
    if digits:
        with open(os.path.join(digits, "x.f32"), "rb") as f:
            x = torch.frombuffer(bytearray(f.read()), dtype=torch.float32).reshape(-1, 784)
        with open(os.path.join(digits, "labels.i32"), "rb") as f:
            y = torch.frombuffer(bytearray(f.read()), dtype=torch.int32).long()
        n = x.shape[0]
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 300), torch.nn.ReLU(), torch.nn.Linear(300, 100), torch.nn.ReLU(), torch.nn.Linear(100, 10)
    )
    opt = torch.optim.Adam(model.parameters(), lr=1.2e-3)
elif model_name == "lenet5":
    batch = 64
    x = torch.rand(n, 1, 28, 28)
    model = torch.nn.Sequential(
        torch.nn.Conv2d(1, 6, 5), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(6, 16, 5), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(),
        torch.nn.Linear(256, 120), torch.nn.ReLU(), torch.nn.Linear(120, 84), torch.nn.ReLU(), torch.nn.Linear(84, 10),
    )
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
else:
    sys.exit(f"unknown model {model_name}: use mlp or lenet5")
loss_fn = torch.nn.CrossEntropyLoss()


def run(k):
    for i in range(k):
        idx = torch.randint(0, n, (batch,))
        opt.zero_grad()
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        opt.step()


def blas_info():
    """The BLAS library this process mapped (Debian switches libblas.so.3 between the reference BLAS
    and OpenBLAS with update-alternatives; torch's own config only says BLAS_INFO=generic)."""
    libs = set()
    with open("/proc/self/maps") as f:
        for line in f:
            p = line.split()[-1]
            if "blas" in os.path.basename(p).lower() and p.startswith("/"):
                libs.add(os.path.realpath(p))
    info = {"libraries": sorted(libs), "openblas": False}
    for lib in sorted(libs):
        try:
            h = ctypes.CDLL(lib)
            get_config = h.openblas_get_config
        except (OSError, AttributeError):
            continue
        get_config.restype = ctypes.c_char_p
        info["openblas"] = True
        info["openblas_config"] = get_config().decode()
        try:
            h.openblas_get_corename.restype = ctypes.c_char_p
            info["openblas_core"] = h.openblas_get_corename().decode()
            info["openblas_threads"] = h.openblas_get_num_threads()
        except AttributeError:
            pass
    config = torch.__config__.show()
    m = re.search(r"BLAS_INFO=([^,\s]+)", config)
    info["torch_build_blas"] = m.group(1) if m else "unknown"
    info["cpu_capability"] = next(
        (l.split(":")[1].strip() for l in config.splitlines() if "CPU capability usage" in l), "unknown"
    )
    return info


run(30)  # warm-up (and it makes the BLAS library load)
out, cpu = [], []
for _ in range(reps):
    t0, c0 = time.perf_counter(), time.process_time()
    run(steps)
    out.append(steps * batch / (time.perf_counter() - t0))
    cpu.append(steps * batch / (time.process_time() - c0))
# samples_per_cpu_s: per second of this process's CPU time, which a busy shared machine distorts less.
print(
    json.dumps(
        {
            "torch": torch.__version__,
            "model": model_name,
            "inputs": "mnist digits" if digits and model_name == "mlp" else "uniform noise",
            "flush_denormal": flush_denormal,
            "threads": torch.get_num_threads(),
            "blas": blas_info(),
            "samples_per_s": out,
            "samples_per_cpu_s": cpu,
        }
    )
)
