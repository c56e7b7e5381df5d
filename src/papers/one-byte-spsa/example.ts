/** The example config ("New Experiment from Paper…" and examples/one-byte-spsa.exp.yaml). */
export const exampleYaml = `# Just One Byte (per gradient) (Zelikman, Huang, Liang, Haber & Goodman, 2023)
# Fine-tune a pretrained MLP with SPSA on 4 simulated machines that share seeds and exchange one
# number per perturbation: float32 vs one byte, with backprop as the reference.
paper: one-byte-spsa
name: 4 machines, one byte per perturbation
seed: 1
data:
  dataset: mnist
  train: 8000           # split over the machines: each sees only its own shard
  test: 2000
model:
  hidden: [32]          # 25,450 parameters, all perturbed
  init: he_normal
  activation: relu
pretrain:
  optimizer: adam
  lr: 1.0e-3
  batch_size: 64
  iterations: 1000
shift:
  kind: relabel         # digit d is now labelled (d + 1) mod 10
arms: [spsa_one_byte, spsa_float, backprop]
spsa:
  machines: 4
  perturbations: 8      # per machine per step: 32 scalars on the wire per step
  steps: 1000
  batch_size: 64        # the code's value
  eps: 1.0e-3           # the code's value
  lr: 1.0e-2            # chosen by a short sweep (1e-3, 1e-2, 3e-2); the code's 0.1 is for GPT-2
  log_step: 0.125       # the code's range e^-7.9..e^7.9 at half its resolution,
  max_power: 63         # so that sign + code fit in 8 bits
  eval_every: 200
backprop:
  optimizer: sgd
  lr: 0.05
`;
