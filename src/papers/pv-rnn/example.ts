/** The example config ("New Experiment from Paper…" and examples/pv-rnn.exp.yaml). */
export const exampleYaml = `# A Novel Predictive-Coding-Inspired Variational RNN Model for Online Prediction and Recognition (PV-RNN; Ahmadi & Tani, 2019)
# Sequences of a 2-state probabilistic automaton, a two-layer multiple-timescale variational RNN, and a sweep of
# the meta-prior w from 1e-4 to 1. Paperlab checks this config against the paper's schema and rules but cannot
# train it yet (it needs variational RNN latents and error regression).
paper: pv-rnn
name: 2-state automaton, w sweep
seed: 1
data:
  switch_prob: 0.3
  sequences: 20
  length: 100
model:
  d_units: [20, 10]
  z_units: [2, 1]
  tau: [2, 8]             # the upper layer is slower
train:
  lr: 0.001
  iterations: 2000
  eval_every: 200
meta_priors: [0.0001, 0.001, 0.01, 0.1, 1]
error_regression:
  window: 10
  iterations: 50
  lr: 0.1
arms: [pvrnn, no_error_regression]
`;
