/** The example config: "New Experiment from Paper…" offers it, and the build writes it to examples/train-longer.exp.yaml. */
export const trainLongerExampleYaml = `# Train longer, generalize better (Hoffer, Hubara & Soudry, NeurIPS 2017)
# The large-batch generalization gap, and the three remedies of Table 1 added one at a time:
# sqrt learning-rate scaling, ghost batch norm, and regime adaptation (as many updates as small batch).
paper: train-longer
name: large batch, sqrt lr, ghost bn, regime adaptation
seed: 1
data:
  dataset: fashion-mnist
  train: 10000
  test: 2000
model:
  arch: mlp
  hidden: [256, 256, 256]  # the paper's F1 has 5 layers of 512
  init: he_normal
  activation: relu
  batch_norm: true
train:
  optimizer: sgd
  lr: 0.1                  # tuned for the small batch
  momentum: 0.9
  weight_decay: 1.0e-4
  epochs: 10
  eval_every_epochs: 1
  grad_clip: 5
large_batch:
  small_batch: 128
  batch_size: 1024
  ghost_batch: 128         # must divide batch_size
  lr_scaling: sqrt         # lr x sqrt(1024/128) = 0.28
  regime_adaptation: true  # the _ra arm trains 8x the epochs
arms: [sb, lb, lb_lr, lb_lr_gbn, lb_lr_gbn_ra]
`;
