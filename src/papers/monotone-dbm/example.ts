/** The example config ("New Experiment from Paper…" and examples/monotone-dbm.exp.yaml). */
export const exampleYaml = `# Monotone deep Boltzmann machines (Feng, Winston & Kolter, TMLR 2023)
# Binarized 14x14 digits with label units: a monotone DBM whose mean-field iteration provably converges,
# against the same machine with free weights; completion of half-occluded digits and classification.
# Paperlab checks this config against the paper's schema and rules but cannot train it yet (it needs binary
# units and a damped fixed-point solver).
paper: monotone-dbm
name: binarized mnist 14x14
seed: 1
data:
  side: 14
  train: 6000
  test: 1000
  occlusion: 0.5
model:
  hidden: [256]
meanfield:
  m: 0.1
  damping: 0.5
  max_iters: 50
  tol: 0.0001
  unroll: 20
train:
  optimizer: adam
  lr: 0.001
  batch_size: 64
  iterations: 1500
  eval_every: 100
arms: [monotone, unconstrained]
`;
