/** The example config ("New Experiment from Paper…" and examples/random-pruning.exp.yaml). */
export const randomPruningExampleYaml = `# The Unreasonable Effectiveness of Random Pruning (Liu et al., ICLR 2022)
# Static random masks on MLPs of growing width: the gap to the dense network closes as the
# network widens, and ER (denser small layers) beats uniform. 15 trainings, about 10 minutes.
paper: random-pruning
name: random static masks vs width
seed: 17
data:
  dataset: fashion-mnist  # the full Fashion-MNIST from Debian's dataset-fashion-mnist
  train: 10000
  test: 2000
model:
  arch: mlp
  hidden: [256, 256]
  init: he_normal
  activation: relu
train:
  optimizer: sgd
  lr: 0.05
  momentum: 0.9
  weight_decay: 5.0e-4
  batch_size: 128
  iterations: 1000
  eval_every: 100
mask:
  densities: [0.2, 0.05]  # fraction of weights KEPT
  layerwise: [er, uniform]
  erk_power_scale: 1
widths: [0.5, 1, 2]       # multipliers of model.hidden
controls: [dense]         # sparse minus dense accuracy is the paper's measure
`;
