/** The example config ("New Experiment from Paper…" and examples/oscillation-free-quant.exp.yaml). */
export const exampleYaml = `# Oscillation-free Quantization for Low-bit Vision Transformers (Liu, Liu & Cheng, ICML 2023)
# 2-bit quantization-aware training: StatsQ and confidence-guided annealing against a learnable-scale (LSQ)
# quantizer, counting weights that flip between levels. Paperlab checks this config against the paper's
# schema and rules but cannot train it yet (it needs quantizers with straight-through gradients).
paper: oscillation-free-quant
name: fmnist mlp, 2-bit weights
seed: 1
data:
  dataset: fashion-mnist
  train: 20000
  test: 2000
model:
  arch: mlp
  hidden: [256, 256]      # the paper quantizes DeiT and Swin; an MLP is our stand-in
  init: he_normal
  activation: relu
train:
  optimizer: adamw
  lr: 5.47e-4             # the scripts' value
  weight_decay: 0.05      # the scripts' value
  batch_size: 128
  iterations: 3000
  eval_every: 100
quant:
  weight_bits: 2          # --wq-bitw 2
  act_bits: 2             # --aq-bitw 2
  per_channel: true
  oscillation_window: 0.2 # count level flips over the last 20% of training
cga:
  boundary_range: 0.005   # --boundaryRange 0.005
  freeze_fraction: 0.1    # --freeze_for_n_epochs 30 of 300
  iterations: 1000
arms: [lsq, statsq, statsq_cga, float]
`;
