/** The example config ("New Experiment from Paper…" and examples/iss-p.exp.yaml). */
export const issPExampleYaml = `# Iterative Soft Shrinkage-Percentage (ISS-P; Wang et al., ICCV 2023), TRANSPLANTED from
# super-resolution to classification: a sparse LeNet-300-100 trained from scratch, the smallest
# weights of each layer shrunk by alpha after every step (ISS-P) or zeroed (IHT), against a static
# random mask. About 4 minutes on one core.
paper: iss-p
name: lenet-300-100 iss-p vs iht
seed: 1
data:
  dataset: fashion-mnist   # Debian's dataset-fashion-mnist; the paper trains SR models on DF2K
  train: 20000
  test: 5000
model:
  arch: mlp
  hidden: [300, 100]
  init: he_normal
  activation: relu
train:
  optimizer: adam
  lr: 1.0e-3
  batch_size: 64
  iterations: 1500
  eval_every: 100
prune:
  ratios: [0.95, 0.99]     # fraction of each layer's weights removed
  methods: [iss_p, iht, static]
  alphas: [0.99, 0.95]     # the code's default and its README's
  prune_iterations: 1000   # then the hard mask is fixed
  shrink_every: 1          # after every step, as the code does
  threshold_sample: 0      # exact thresholds (the code's IST-fast samples)
  skip_output: true
  grad_norm_every: 25
`;
