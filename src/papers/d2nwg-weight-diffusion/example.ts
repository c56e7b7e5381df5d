/** The example config ("New Experiment from Paper…" and examples/d2nwg-weight-diffusion.exp.yaml). */
export const exampleYaml = `# Diffusion-Based Neural Network Weights Generation (D2NWG; Soro et al., ICLR 2025)
# A stand-in: a zoo of small classifiers on binary digit tasks, a generative model over their weights
# conditioned on each task's class means, and weights generated for 6 held-out tasks without training.
# Paperlab checks this config against the paper's schema and rules but cannot train it yet (it needs
# generative blocks).
paper: d2nwg-weight-diffusion
name: binary digit tasks, 30-task zoo
seed: 1
zoo:
  tasks: 30
  held_out: 6
  models_per_task: 5      # 120 weight vectors to learn from
  input_side: 14          # 14x14 inputs, 8 hidden: 1,594 weights per model
  hidden: 8
  iterations: 300
generator:
  kind: interpolant
  hidden: [512, 512]
  iterations: 3000
  lr: 0.001
  samples_per_task: 10
arms: [generated, zoo_nearest, random_init]
`;
