/** The example config ("New Experiment from Paper…" and examples/hierarchical-bayes-fewshot.exp.yaml). */
export const exampleYaml = `# A Hierarchical Bayesian Model for Deep Few-Shot Meta Learning (NIW-Meta; Kim & Hospedales, 2023)
# 5-shot SineLine regression: a Normal-Inverse-Wishart prior with one-time episodic posteriors against
# first-order MAML. Paperlab checks this config against the paper's schema and rules but cannot train it yet
# (it needs episodic tasks with conjugate NIW updates).
paper: hierarchical-bayes-fewshot
name: sineline 5-shot
seed: 1
task:
  family: sineline
  shots: 5                # --nSupport 5
  queries: 10
  noise: 0.3
model:
  hidden: [40, 40]
niw:
  n0_init: 1              # the README's command line
  gam0_init: 1.0e+6
  steps: 3
  burnin: 0
  alp: 1.0e-6
  nsamps_test: 2
meta:
  episodes: 5000
  meta_batch: 4
  lr: 0.001
  eval_every: 500
fomaml:
  inner_lr: 0.01
  inner_steps: 5
arms: [niw, fomaml]
`;
