/** The example config ("New Experiment from Paper…" and examples/random-teachers.exp.yaml). */
export const exampleYaml = `# Random Teachers are Good Teachers (Sarnthein, Bachmann, Anagnostidis & Hofmann, ICML 2023)
# Distil students from a frozen RANDOM teacher with the DINO loss, without labels or augmentation,
# and probe their embeddings with k-NN on 1,000 labelled images. About 3-4 minutes on one core.
paper: random-teachers
name: distilling a random teacher
seed: 1
data:
  dataset: fashion-mnist
  train: 20000            # unlabelled: what the student is distilled on
  val: 1000               # labelled: what the probes fit
  test: 2000              # what the probes are scored on
model:
  encoder: [256, 256]     # the embedding that is probed
  head_hidden: [256]      # the code: [2048, 2048]
  bottleneck: 64          # the code: 256
  out_dim: 1024           # the code: 65,536
  activation: gelu
  init: torch_linear
distill:
  steps: 600
  batch_size: 256         # the code's values from here on
  optimizer: adamw
  lr: 1.0e-3
  weight_decay: 0.01
  teacher_temp: 0.04
  student_temp: 0.1
  center_momentum: 0.9
  alphas: [0, 0.3, 1]     # student init: 0 = copy of the teacher (the code's default), 1 = independent
probe:
  every: 100
  k: 20
  linear_steps: 300
`;
