/** The example config ("New Experiment from Paper…" and examples/unsupervised-pretraining.exp.yaml). */
export const exampleYaml = `# On the Provable Advantage of Unsupervised Pretraining (Ge, Tang, Fan, Jin, ICLR 2024)
# The factor-model instance: PCA (the factor model's maximum likelihood) on m unlabelled x, then least
# squares on the r features with n labels, against ridge regression on x with the same n labels.
# Plain TypeScript, no training: about 3 minutes on one core.
paper: unsupervised-pretraining
name: factor model, d 100, r 5
seed: 1
model:
  d: 100
  r: 5
  factor_strength: 1      # ‖a_j‖²/σ_x²: too weak for 50 labels to see (√(d/n) = 1.4), clear to 5,000 unlabelled (0.14)
  noise_x: 1
  noise_y: 0.1
data:
  unlabeled: 5000         # m ≫ n: the regime where the paper predicts an advantage
  labeled: [10, 20, 50, 100, 200, 500, 1000, 2000]
  unlabeled_sweep: [25, 50, 100, 200, 500, 1000, 2000, 5000]
  labeled_for_m_sweep: 1000
  reps: 10                # fresh data per repetition, averaged; risks are exact (no test set needed)
pretrain:
  method: pca
  rank: 5                 # the true number of factors
baseline:
  lambdas: 13             # ridge λ grid, chosen by exact leave-one-out
fit:
  window: [50, 1000]      # where the excess risk is fitted as a power of n
`;
