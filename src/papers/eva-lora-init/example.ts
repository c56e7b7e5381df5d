/** The example config ("New Experiment from Paper…" and examples/eva-lora-init.exp.yaml). */
export const exampleYaml = `# One Initialization to Rule them All: Fine-tuning via Explained Variance Adaptation (Paischer et al., 2024)
# LoRA adapters initialized from the SVD of activations (EVA) against random LoRA init, on a base MLP
# pretrained on Fashion-MNIST classes 0-4 and adapted to 5-9. Paperlab checks this config against the
# paper's schema and rules but cannot train it yet (it needs low-rank adapters).
paper: eva-lora-init
name: fmnist 0-4 → 5-9, rank 4
seed: 1
data:
  dataset: fashion-mnist
  pretrain_classes: [0, 1, 2, 3, 4]
  finetune_classes: [5, 6, 7, 8, 9]
  train: 10000
  test: 2000
model:
  arch: mlp
  hidden: [256, 256]
  init: he_normal
  activation: relu
pretrain:
  iterations: 1500
  lr: 0.001
  batch_size: 128
lora:
  rank: 4                 # the code: 16, for billion-parameter models
  rho: 2                  # a layer may take up to 2r components
  svd_batch_size: 16      # the code's value
  early_stop_sim_thresh: 0.99
  alpha: 1
train:
  optimizer: adamw
  lr: 5.0e-4              # the README's value
  weight_decay: 0
  warmup_ratio: 0.03
  batch_size: 64
  iterations: 500
  eval_every: 25
arms: [eva, lora_random, full_finetune]
`;
