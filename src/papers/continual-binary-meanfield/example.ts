/** The example config ("New Experiment from Paper…" and examples/continual-binary-meanfield.exp.yaml). */
export const exampleYaml = `# Statistical mechanics of continual learning: variational principle and mean-field potential (Li, Huang et al., 2022)
# Three permuted-MNIST tasks learned in turn by a binary-weight network: field-space mean-field learning with
# the previous posterior as prior, against metaplasticity and a naive binary network. Paperlab checks this
# config against the paper's schema and rules but cannot train it yet (it needs binary units and task streams).
paper: continual-binary-meanfield
name: permuted mnist ×3, binary 784-512-10
seed: 1
data:
  tasks: 3
  train: 6000
  test: 2000
model:
  hidden: [512]
train:
  lr: 0.01
  batch_size: 100
  iterations_per_task: 180 # 3 epochs of 6,000 digits
  eval_every: 60
meanfield:
  prior_weight: 1
  field_init_std: 0.1
metaplastic:
  m: 1.3
arms: [meanfield, metaplastic, naive_bnn]
`;
