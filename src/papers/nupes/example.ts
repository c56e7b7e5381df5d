/** The example config ("New Experiment from Paper…" and examples/nupes.exp.yaml). */
export const nupesExampleYaml = `# NUPES: Non-Uniform Post-Training Quantization via Power Exponent Search (Yvinec et al. 2023)
# Train LeNet-300-100 once, then quantize its weights at 2-8 bits: uniform grid vs the power
# quantizer sgn(w)|w|^a with a searched per layer (data-free and on 256 calibration images).
# About 1 minute on one core.
paper: nupes
name: lenet-300-100 power-exponent ptq
seed: 1
data:
  dataset: fashion-mnist  # Debian's dataset-fashion-mnist (60k/10k); the paper uses ImageNet and LLMs
  train: 20000
  test: 5000
model:
  arch: mlp
  hidden: [300, 100]
  init: he_normal
  activation: relu
train:
  optimizer: adam
  lr: 1.0e-3
  batch_size: 128
  iterations: 2000
  eval_every: 250
quant:
  bits: [2, 3, 4, 5, 6, 8]   # weights only; activations stay in float
  searches: [data_free, data_driven]
  exponent_min: 0.2
  exponent_max: 1            # a = 1 is the uniform quantizer
  grid: 80
  calibration: 256           # training images for the data-driven search
  figure_bits: 3
`;
