/** The example config ("New Experiment from Paper…" and examples/weight-compander.exp.yaml). */
export const weightCompanderExampleYaml = `# Weight Compander: A Simple Weight Reparameterization for Regularization (Cakaj et al. 2023)
# The same MLP with weight decay alone, and with every weight computed as w = s*g(theta/s) by a
# compander, fixed or learned. The paper's g could not be read: both families here are OURS.
# About 3 minutes on one core.
paper: weight-compander
name: 784-256-256-10 weight compander
seed: 1
data:
  dataset: fashion-mnist   # Debian's dataset-fashion-mnist; the paper uses CIFAR and ImageNet nets
  train: 10000
  test: 5000
model:
  arch: mlp
  hidden: [256, 256]
  init: glorot_normal
  activation: relu
train:
  optimizer: adam
  lr: 1.0e-3
  batch_size: 128
  iterations: 940          # 12 epochs
  eval_every: 94
  weight_decay: 5.0e-4     # the standard regularization the compander is added to
compander:
  family: mu_law           # ours: g(u) = sgn(u)*a*ln(1 + b|u|), slope a*b = 2.25 at zero
  a: 1.5
  b: 1.5
  arms: [wc_fixed, wc_learned]
analysis:
  near_zero: 0.01
  histogram_range: 0.25
  histogram_bins: 50
`;
