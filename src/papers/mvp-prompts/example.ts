/** The example config ("New Experiment from Paper…" and examples/mvp-prompts.exp.yaml). */
export const exampleYaml = `# Model-tuning Via Prompts Makes NLP Models Adversarially Robust (Raman et al., EMNLP 2023)
# A stand-in: an MLP pretrained on the ten digits, adapted to parity through a verbalizer over its digit
# logits (MVP) or through a new MLP head (MLP-FT), then attacked with FGSM. Paperlab checks this config
# against the paper's schema and rules but cannot train it yet (it needs adversarial attacks).
paper: mvp-prompts
name: digits → parity
seed: 1
data:
  dataset: mnist
  train: 6000
  test: 2000
task:
  downstream: parity
model:
  arch: mlp
  hidden: [256, 128]
  init: he_normal
  activation: relu
pretrain:
  iterations: 1500
  lr: 0.001
  batch_size: 64
finetune:
  iterations: 500
  lr: 0.0001
  batch_size: 64
mlp_head:
  hidden: 64
attack:
  epsilons: [0.05, 0.1, 0.2]
  max_clean_gap: 0.01
arms: [mvp, mlp_ft]
`;
