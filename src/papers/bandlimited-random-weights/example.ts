/** The example config ("New Experiment from Paper…" and examples/bandlimited-random-weights.exp.yaml). */
export const exampleYaml = `# How Powerful are Shallow Neural Networks with Bandlimited Random Weights? (Li et al., ICML 2023)
# g(x) = sum_j c_j sigmoid(a_j x - b_j), (a_j, b_j) ~ U[-lambda, lambda] frozen, c by ridge: does the
# error go to zero as the net widens, for a low- and a high-frequency target? About 1-2 minutes on one core.
paper: bandlimited-random-weights
name: sigmoid, sin(2 pi x) and sin(8 pi x)
seed: 1
model:
  activation: sigmoid
  widths: [25, 50, 100, 200, 400, 800]   # nested: the first d units of one draw
  bandwidths: [0.5, 1, 5, 10, 30, 100]   # lambda: a, b ~ U[-lambda, lambda]
data:
  frequencies: [1, 4]     # targets sin(2 pi k x) on [-1, 1]
  train: 1000
  test: 1000
  noise: 0
fit:
  rel_lambda: 1.0e-8      # tiny: the error is approximation, not regularization
`;
