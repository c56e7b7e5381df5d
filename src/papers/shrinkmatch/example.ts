/** The example config ("New Experiment from Paper…" and examples/shrinkmatch.exp.yaml). */
export const exampleYaml = `# Shrinking Class Space for Enhanced Certainty in Semi-Supervised Learning (Yang et al., ICCV 2023)
# ShrinkMatch vs FixMatch with 4 labels per class. Paperlab checks this config against the paper's
# schema and rules but cannot train it yet (it needs a semi-supervised loop).
paper: shrinkmatch
name: fmnist 4 labels/class
seed: 1
data:
  dataset: fashion-mnist
  labels_per_class: 4     # the paper's "@40 labels" on 10 classes
  unlabeled: 20000
  test: 2000
model:
  arch: mlp
  hidden: [256, 256]      # the paper uses Wide ResNets; an MLP is our stand-in
  init: he_normal
  activation: relu
train:
  optimizer: sgd
  lr: 0.03                # the code's value
  momentum: 0.9
  weight_decay: 0.0005
  batch_size: 32          # labelled per step (the code: 64)
  iterations: 1500        # the code: 2^20
  eval_every: 100
semi:
  threshold: 0.95         # p_cutoff, the code's value
  uratio: 4               # the code: 7
  lambda_u: 1
  temperature: 0.5
  hard_label: true
  ema: 0.999
arms: [supervised, fixmatch, shrinkmatch]
`;
