/** The example config ("New Experiment from Paper…" and examples/connectivity-rank.exp.yaml). */
export const exampleYaml = `# How connectivity structure shapes rich and lazy learning in neural circuits (Liu et al., ICLR 2024)
# A rate RNN learns a 2-alternative forced choice from initial recurrent weights of rank r, all with the
# same Frobenius norm: does a low rank change the weights and the tangent kernel more (richer learning)
# than full rank? And does a rank-1 start aligned with the task stay lazier? About 1 minute of CPU on one core.
paper: connectivity-rank
name: rank 1 to 100, 2AF
seed: 1
model:
  hidden: 100             # the code: 300
  gain: 1.25              # W0 = g N(0,1)/sqrt(N), then truncated to rank r and rescaled to ||W0||_F
  ranks: [1, 10, 30, 100]
  aligned: true           # + rank 1 along (input evidence -> readout choice), our construction
  alpha: 1                # dt / tau (the code: 100 ms / 100 ms)
task:
  stimulus_steps: 7       # 700 ms of evidence at dt = 100 ms, then one decision step
  noise: 0.1
  batch_size: 32
train:
  iterations: 2000        # the code: 10,000
  lr: 0.003
  momentum: 0.9
  eval_every: 100
probe:
  trials: 320             # representation alignment, sign similarity, accuracy
  kernel_trials: 32       # tangent kernel w.r.t. W_rec: 32 trials x 8 steps x 3 outputs = 768 rows
`;
