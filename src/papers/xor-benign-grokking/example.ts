/** The example config: "New Experiment from Paper…" offers it, and the build writes it to examples/xor-benign-grokking.exp.yaml. */
export const exampleYaml = `# Xu et al., "Benign Overfitting and Grokking in ReLU Networks for XOR Cluster Data" (ICLR 2024).
# One GD step fits every training label (flipped ones too) with near-chance clean test accuracy;
# later the test accuracy goes to ~100% while the flipped labels stay fitted.
# Setting of the research notes' simulation (the paper's own numbers are unconfirmed). About 2 minutes on an idle core.
paper: xor-benign-grokking
name: xor clusters, d = 20000, n = 40
seed: 1
data:
  d: 20000            # input dimension (d >> n)
  n: 40               # training points, n/4 per cluster
  test: 500           # clean test points
  mu_norm_sq: 2500    # |mu|^2, signal strength of the cluster means
  means_cosine: 0     # mu1 and mu2 orthogonal, as the paper assumes
  label_flip: 0.1     # eta: fraction of training labels flipped
  flip_mode: stratified  # exactly eta*n/4 flips per cluster; the paper flips independently
                         # (then n = 40 gets 1-8 flips by chance and the grokking time varies with it)
  clusters: balanced
model:
  width: 200          # m hidden ReLU units; second layer fixed at +-1/sqrt(m)
  init_scale: 1.0e-4  # omega_init << lr
train:
  lr: 0.08            # alpha, full-batch GD on the logistic loss
  steps: 500
  evals_per_decade: 15
`;
