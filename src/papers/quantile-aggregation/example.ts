/** The example config: "New Experiment from Paper…" offers it, and the build writes it to examples/quantile-aggregation.exp.yaml. */
export const exampleYaml = `# Fakoor, Kim, Mueller, Smola & Tibshirani, "Flexible Model Aggregation for Quantile Regression"
# (arXiv 2103.00083). Four base quantile models (linear quantile regression, k-nearest neighbours, a
# conditional Gaussian, a random-feature network with a multi-quantile head) are aggregated with one
# weight per model and level, one per model, or uniformly; then post-sorted and conformally calibrated.
# Synthetic heteroscedastic, skewed regression instead of the paper's 34 data sets. About 1.5 minutes of CPU.
paper: quantile-aggregation
name: Quantile aggregation, heteroscedastic skewed noise
seed: 1
data:
  train: 1000        # base models are fitted here
  val: 500           # aggregation weights are fitted here (the authors hold out 20%)
  calibration: 500   # conformal calibration
  test: 2000
  features: 3
  noise: chi_squared
  noise_df: 3
  noise_sd: 0.2
  hetero: 3          # noise sd grows 4× across x1
levels: 19           # 5% … 95% (the authors: 99 levels, 1% … 99%)
interval: 0.9
replications: 20
base:
  knn_k: 60
  random_features: 64
  bandwidth: 2
  iterations: 300
  lr: 0.05
aggregation:
  iterations: 300
  lr: 0.1
`;
