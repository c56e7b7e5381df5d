/** The example config: "New Experiment from Paper…" offers it, and the build writes it to examples/random-pruning.exp.yaml. */
export const randomPruningExampleYaml = `# The Unreasonable Effectiveness of Random Pruning (Liu et al., ICLR 2022)
# Static random masks on MLPs of growing width: the gap to the dense network closes as the
# network widens, and ER (denser small layers) beats uniform. 20 trainings, 7-10 minutes.
# Sparse nets converge more slowly than dense ones: train long enough, with the paper's
# learning-rate drops, or the gap measures training speed instead of the paper's claim.
paper: random-pruning
name: random static masks vs width
seed: 17
data:
  dataset: fashion-mnist  # the full Fashion-MNIST from Debian's dataset-fashion-mnist
  train: 10000
  test: 10000            # the whole test set: gaps of ~1 pp need it
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
  iterations: 3000        # 38 epochs of 10,000 images (the paper: 160 epochs, to convergence)
  eval_every: 500
  lr_drops: [0.5, 0.75]   # lr ×0.1 at 50% and 75% of each run, as the paper's epochs 80 and 120
mask:
  densities: [0.2, 0.05]  # fraction of weights KEPT
  layerwise: [er, uniform]
  erk_power_scale: 1
  rescale_init: false     # the paper's code: masks applied after a normal He init, no rescaling
widths: [0.125, 0.25, 0.5, 1]  # multipliers of model.hidden: [32, 32] to [256, 256]
controls: [dense]         # sparse minus dense accuracy is the paper's measure
`;
