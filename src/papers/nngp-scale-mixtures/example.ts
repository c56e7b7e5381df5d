/** The example config ("New Experiment from Paper…" and examples/nngp-scale-mixtures.exp.yaml). */
export const exampleYaml = `# Scale Mixtures of Neural Network Gaussian Processes (Lee, Yun, Yang, Lee, ICLR 2022)
# (1) 1,000 random erf networks per arm, as the official sample.py: is the output at one input Gaussian
#     (fixed last-layer variance: the NNGP) or Student-t (inverse-gamma last-layer variance)?
# (2) Regression: the t-process posterior vs the NNGP by test NLL, with outliers and shifted inputs.
# About 1 minute on one core.
paper: nngp-scale-mixtures
name: erf 3x512, InvGamma(2, 3)
seed: 1
prior:
  networks: 1000          # sample.py --ensemble-size
  width: 512
  depth: 3
  activation: erf
  w_std: 8                # sample.py: Dense(512, W_std=8, b_std=0.05)
  b_std: 0.05
  alpha: 2                # ν = 2α = 4 (README example: -a 2. -b 3.)
  beta: 3
  inputs: 40              # linspace(−π, π, 40), read at index 20
  input_index: 20
regression:
  enabled: true
  dim: 4
  train: 200
  test: 500
  noise: 0.1
  outlier_fractions: [0, 0.05, 0.1, 0.2]
  outlier_scale: 3
  shifts: [1, 2, 3, 4]
  hidden_layers: 1        # regression.py defaults: 1 hidden layer, erf, σ_w² = 1, α = β = 2, ε = 0.01
  activation: erf
  w_var: 1
  b_var: 0.1              # regression.py: 0; ours 0.1 so the NNGP is not restricted to odd functions
  alpha: 2
  beta: 2
  last_layer_var: 1
  tune: true              # ε, α, β chosen on a validation set over find.py's grids (ε 1e-6…1e4, α, β ∈ {1,2,3})
  validation: 100
  epsilon: 0.01           # used only with tune: false
`;
