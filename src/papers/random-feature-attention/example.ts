/** The example config ("New Experiment from Paper…" and examples/random-feature-attention.exp.yaml). */
export const exampleYaml = `# What can a Single Attention Layer Learn? A Study Through the Random Features Lens (Fu et al., NeurIPS 2023)
# One attention layer, 64 heads with random frozen query-key matrices and trained values (ridge), against
# a random-feature MLP with the same 576 features: test error vs training examples. A few minutes on one core.
paper: random-feature-attention
name: d 8, N 8, 64 heads
seed: 1
data:
  dim: 8                  # query and keys in R^8
  keys: 8
  samples: [125, 250, 500, 1000, 2000, 4000]
  validation: 1000        # chooses the ridge lambda for every model alike
  test: 2000
  targets: [qk_square, keys_square]
model:
  heads: 64               # 64 x (8 + 1) = 576 features for every model
  activation: relu
  qk_std: 0.5
  qk_mean: 1              # the biased arm: W = sqrt(d) I + noise on the x block
fit:
  rel_lambdas: [1.0e-6, 1.0e-4, 1.0e-2, 1]
`;
