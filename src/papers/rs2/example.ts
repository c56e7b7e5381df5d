/** The example config: "New Experiment from Paper…" offers it, and the build writes it to examples/rs2.exp.yaml. */
export const exampleYaml = `# Okanovic et al., "Repeated Random Sampling for Minimizing the Time-to-Accuracy of Learning" (ICLR 2024).
# Each round trains on a random r-fraction of the data: RS2 draws a NEW subset every round (without
# replacement across rounds), the static baseline keeps ONE subset. Same rounds, same init, cosine lr.
paper: rs2
name: rs2 vs static subset vs full data, mnist mlp
seed: 1
data:
  dataset: mnist
  train: 8000
  test: 2000
model:
  arch: mlp
  hidden: [256, 128]   # the paper trains ResNet-18 on CIFAR-10 / ImageNet
  init: he_normal
  activation: relu
train:
  optimizer: sgd
  lr: 0.1
  lr_min: 1.0e-4
  momentum: 0.9
  nesterov: true
  weight_decay: 5.0e-4
  batch_size: 64       # the code uses 128; 1% of 8000 is 80 examples, so 64 keeps r*N >= b
  rounds: 30           # the code: 200
  cosine_steps: auto   # rounds * ceil(r*N / b) for each ratio
sampling:
  ratios: [0.01, 0.05, 0.1, 0.2]
  methods: [rs2, static, full]
`;
