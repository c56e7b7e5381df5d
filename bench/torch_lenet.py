# PyTorch peer for bench/train.bench.ts, one thread, random data already in memory:
#   mlp    LeNet-300-100 (784-300-100-10, ReLU), Adam 1.2e-3, batch 60
#   lenet5 LeNet-5 (conv 6 k5 -> pool -> conv 16 k5 -> pool -> 120 -> 84 -> 10, ReLU), SGD 0.05, batch 64
# Usage: torch_lenet.py MODEL STEPS REPS. Prints one JSON line: samples/s per repetition (wall and CPU), and
# which BLAS the process really loaded, so the bench can refuse to compare against the reference BLAS.
import ctypes, json, os, re, sys, time
import torch

torch.set_num_threads(1)
torch.manual_seed(0)
model_name = sys.argv[1] if len(sys.argv) > 1 else "mlp"
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 300
reps = int(sys.argv[3]) if len(sys.argv) > 3 else 3
n = 6000
if model_name == "mlp":
    batch = 60
    x = torch.rand(n, 784)
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
y = torch.randint(0, 10, (n,))
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
            "threads": torch.get_num_threads(),
            "blas": blas_info(),
            "samples_per_s": out,
            "samples_per_cpu_s": cpu,
        }
    )
)
