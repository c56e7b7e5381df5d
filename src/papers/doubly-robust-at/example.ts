/** The example config ("New Experiment from Paper…" and examples/doubly-robust-at.exp.yaml). */
export const exampleYaml = `# Doubly Robust Instance-Reweighted Adversarial Training (Sow, Lin, Wang & Liang, ICLR 2024)
# PGD adversarial training of LeNet-300-100 on MNIST, with KL-DRO instance weights (w ~ exp(loss / r))
# against uniform weights; robustness measured per class with PGD-20. About 5 minutes on one core.
paper: doubly-robust-at
name: KL-DRO instance weights vs plain adversarial training
seed: 1
data:
  dataset: mnist
  train: 8000
  test: 1000
model:
  hidden: [300, 100]
  init: he_normal
  activation: relu
arms: [done, at]
train:
  optimizer: adam
  lr: 1.0e-3
  batch_size: 64
  iterations: 1500
  eval_every: 300
attack:                 # the training attack: PGD-10 with a random start
  eps: 0.1              # Madry et al. use 0.3 with a conv net; an MLP learns little there
  steps: 10
  step_size: 0.025      # 2.5 eps / k
  random_start: true
done:
  r: 1                  # our choice: the paper's value could not be read
eval:                   # the measuring attack: stronger than training's
  eps: 0.1
  steps: 20
  step_size: 0.0125
  random_start: true
  points: 1000          # 100 per class for the worst-class accuracy
`;
