/** The example config ("New Experiment from Paper…" and examples/sampling-free-detection.exp.yaml). */
export const exampleYaml = `# Is Heuristic Sampling Necessary in Training Deep Object Detectors? (Chen et al., IEEE TIP 2021)
# A stand-in for detection: one MNIST digit on a 56x56 canvas, objectness on a 7x7 grid (2% of cells
# positive). Sampling-free (prior init + loss scaling) against focal loss and plain cross-entropy.
# Paperlab checks this config against the paper's schema and rules but cannot train it yet (it needs
# digit canvases, focal loss and average precision).
paper: sampling-free-detection
name: digit canvases 56px, 7x7 grid
seed: 1
data:
  canvas: 56
  grid: 7                 # 49 cells, 1 positive: about 2%
  digits_per_canvas: 1
  train: 4000
  test: 1000
model:
  hidden: [64]
train:
  optimizer: sgd
  lr: 0.01
  momentum: 0.9
  weight_decay: 0.0001
  batch_size: 32
  iterations: 1500
  eval_every: 100
loss:
  focal_alpha: 0.25
  focal_gamma: 2
  prior_init: true
  guided_scaling: true
arms: [sampling_free, focal, bce]
`;
