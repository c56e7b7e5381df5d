/** The example config ("New Experiment from Paper…" and examples/dataset-distillation-trajectories.exp.yaml). */
export const exampleYaml = `# Efficient Dataset Distillation through Alignment with Smooth and High-Quality Expert Trajectories (Shen et al., 2023)
# Distill MNIST into 10 images per class by matching expert trajectories, with smoothed experts against plain
# ones and against 10 random real images per class. Paperlab checks this config against the paper's schema and
# rules but cannot train it yet (it needs differentiable unrolled inner loops).
paper: dataset-distillation-trajectories
name: mnist, 10 images per class
seed: 1
data:
  dataset: mnist
  ipc: 10
  train: 8000
  test: 2000
model:
  hidden: [128]
experts:
  count: 5
  epochs: 10
  lr: 0.01
  clip_loss: true
  gradient_penalty: 0.1
distill:
  iterations: 500
  syn_steps: 20           # N
  expert_epochs: 2        # M
  max_start_epoch: 5      # T+
  lr_img: 100
  init: representative
  balanced_inner_loss: true
arms: [smooth_experts, plain_experts, random_real]
`;
