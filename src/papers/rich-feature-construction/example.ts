/** The example config ("New Experiment from Paper…" and examples/rich-feature-construction.exp.yaml). */
export const exampleYaml = `# Rich Feature Construction for the Optimization-Generalization Dilemma (Zhang, Lopez-Paz & Bottou, ICML 2022)
# ColoredMNIST: IRMv1 started from a rich representation (2 discovery episodes + 1 synthesis) against IRMv1
# started from ERM. Paperlab checks this config against the paper's schema and rules but cannot train it yet
# (it needs ColoredMNIST environments and distillation).
paper: rich-feature-construction
name: coloredmnist, 2 discovery rounds
seed: 1
data:
  train_envs: [0.9, 0.8]  # colour agrees with the label 90% / 80% of the time
  test_env: 0.1
  label_noise: 0.25
  train: 4000
  test: 2000
model:
  hidden: [128]
rfc:
  discovery_rounds: 2
  iterations: 500
irm:
  penalty_weight: 10000
  anneal_iters: 100
  iterations: 500
  lr: 0.0005
  weight_decay: 0.001
arms: [irm_rfc, irm_erm, erm]
`;
