/** The example config ("New Experiment from Paper…" and examples/inductive-bias.exp.yaml). */
export const exampleYaml = `# Towards Exact Computation of Inductive Bias (Boopathy et al., IJCAI 2024)
# Sample hypotheses that fit 1,000 training images, measure their test errors, fit a noncentral chi^2
# and read the inductive bias -log P(error <= target): is it larger for the harder task, and for the
# kernel space than for neural networks? About 2-4 minutes of CPU on one core.
paper: inductive-bias
name: MNIST vs Fashion-MNIST, MLP and RBF kernel
seed: 1
data:
  datasets: [mnist, fashion-mnist]   # the first sets the reference target
  train: 1000
  test: 1000
nn:
  trials: 50              # networks per task (the code's num_trials)
  width: 64
  depth: 0                # one hidden layer
  epochs: 2
  batch_size: 32
  lr: 0.001               # Adam, MSE to one-hot labels (the code)
kernel:
  enabled: true
  sigma: 1                # RBF length scale, on inputs with mean squared norm 1
  samples: 200            # GP posterior functions per task (the code: 10,000)
target:
  quantile: 0.05          # reference target: 5th percentile of MNIST's network errors
  factors: [0.6, 0.8, 1, 1.25, 1.5]
`;
