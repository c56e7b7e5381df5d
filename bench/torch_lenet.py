# PyTorch peer for bench/train.bench.ts: LeNet-300-100 (784-300-100-10, ReLU), Adam 1.2e-3, batch 60,
# random data already in memory, one thread. Prints one JSON line: samples/s for each repetition.
import json, sys, time
import torch

torch.set_num_threads(1)
torch.manual_seed(0)
steps = int(sys.argv[1]) if len(sys.argv) > 1 else 300
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 3
n = 6000
x = torch.rand(n, 784)
y = torch.randint(0, 10, (n,))
model = torch.nn.Sequential(torch.nn.Linear(784, 300), torch.nn.ReLU(), torch.nn.Linear(300, 100), torch.nn.ReLU(), torch.nn.Linear(100, 10))
opt = torch.optim.Adam(model.parameters(), lr=1.2e-3)
loss_fn = torch.nn.CrossEntropyLoss()

def run(k):
    for i in range(k):
        idx = torch.randint(0, n, (60,))
        opt.zero_grad()
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        opt.step()

run(30)  # warm-up
out, cpu = [], []
for _ in range(reps):
    t0, c0 = time.perf_counter(), time.process_time()
    run(steps)
    out.append(steps * 60 / (time.perf_counter() - t0))
    cpu.append(steps * 60 / (time.process_time() - c0))
# samples_per_cpu_s: per second of this process's CPU time, which a busy shared machine distorts less.
print(json.dumps({"torch": torch.__version__, "samples_per_s": out, "samples_per_cpu_s": cpu}))
