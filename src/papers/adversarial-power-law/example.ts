/** The example config ("New Experiment from Paper…" and examples/adversarial-power-law.exp.yaml). */
export const exampleYaml = `# Intriguing Properties of Adversarial Examples (Cubuk, Zoph, Schoenholz & Le, 2017)
# FGSM adversarial error vs epsilon for four MNIST models: is it a power law with one exponent?
# About 5-6 minutes on one core (LeNet-5 is most of it).
paper: adversarial-power-law
name: fgsm error vs epsilon, four models
seed: 1
data:
  dataset: mnist
  train: 8000
  test: 1000            # the attacked points
arms: [linear, mlp, mlp_shuffled, lenet5]   # softmax regression, LeNet-300-100, shuffled labels, LeNet-5
model:
  hidden: [300, 100]    # the MLP arms
  init: glorot_normal
  activation: relu
train:
  optimizer: adam
  lr: 1.0e-3
  batch_size: 64
  iterations: 1500
  cnn_iterations: 600   # a conv step costs 16-20x an MLP step on wasm
  eval_every: 250
shuffled:
  train: 2000           # examples with permuted labels, memorised by the MLP
  iterations: 4000      # 128 epochs of them
attack:
  eps_min: 0.001
  eps_max: 0.3
  eps_count: 15         # log-spaced; one input gradient per point serves every epsilon
  base: initially_correct
  fit_min_error: 0.01   # fit window: 1% to 30% error
  fit_max_error: 0.3
  universality: [step_ll, pgd]   # on the MLP only (PGD needs k gradients per epsilon)
  pgd_steps: 10
`;
