/** The example config ("New Experiment from Paper…" and examples/diversity-driven-synthesis.exp.yaml). */
export const exampleYaml = `# Diversity-Driven Synthesis: Enhancing Dataset Distillation through Directed Weight Adjustment (Du et al., NeurIPS 2024)
# Synthesize 10 Fashion-MNIST images per class from a batch-norm MLP teacher, with and without perturbing the
# teacher's weights before each batch, and train a student on them. Paperlab checks this config against the
# paper's schema and rules but cannot train it yet (it needs differentiable synthesis and distillation).
paper: diversity-driven-synthesis
name: fmnist, 10 images per class
seed: 1
data:
  dataset: fashion-mnist
  ipc: 10
  train: 20000
  test: 2000
teacher:
  hidden: [256, 256]
  iterations: 1500
synthesis:
  iterations: 300         # the script: 1,000
  lr: 0.25                # --lr 0.25
  r_bn: 0.01              # --r-bn 0.01
dwa:
  steps: 12               # --steps 12
  rho: 0.015              # --rho 15e-3
student:
  iterations: 1000
  lr: 0.001
  temperature: 4
arms: [dwa, no_dwa, random_real]
`;
