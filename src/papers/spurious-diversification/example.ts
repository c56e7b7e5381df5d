/** The example config ("New Experiment from Paper…" and examples/spurious-diversification.exp.yaml). */
export const exampleYaml = `# Spurious Feature Diversification Improves Out-of-distribution Generalization (Lin et al., ICLR 2024)
# Pretrain on grey digits, fine-tune on digits with 16 coloured patches tied to the label, and average the two
# in weight space (WiSE-FT) or with a less over-confident fine-tuned model (BANG). Paperlab checks this config
# against the paper's schema and rules but cannot train it yet (it needs spurious-feature data).
paper: spurious-diversification
name: multicolor digits, 16 patches
seed: 1
data:
  spurious_features: 16
  train_correlation: 0.9
  ood_correlation: 0
  train: 6000
  test: 2000
model:
  arch: mlp
  hidden: [256, 128]
  init: he_normal
  activation: relu
pretrain:
  iterations: 1000
  lr: 0.001
  batch_size: 128
finetune:
  iterations: 1000
  lr: 0.001
  batch_size: 128
bang:
  label_smoothing: 0.1
  mixup_alpha: 0.2
wise:
  alphas: [0, 0.25, 0.5, 0.75, 1]
arms: [wise_ft, bang]
`;
