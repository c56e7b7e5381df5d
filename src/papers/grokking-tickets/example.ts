/** The example config ("New Experiment from Paper…" and examples/grokking-tickets.exp.yaml). */
export const grokkingExampleYaml = `# Grokking Tickets: Lottery Tickets Accelerate Grokking (Minegishi et al.)
# A dense MLP learns (a + b) mod 67 and groks late; the magnitude-pruned ticket taken from the
# generalized network, reset to init, groks much sooner. Full batch: one iteration = one epoch.
# Sized for 2 CPU cores: a smaller MLP and a 30× larger learning rate than the paper, so the dense
# net groks in ~2,000 epochs instead of ~25,000; the other four arms stop once they generalize.
paper: grokking-tickets
name: modular addition, grokking ticket
seed: 2
data:
  task: modular_addition
  modulus: 67             # a prime, as in the paper
  train_fraction: 0.4     # 911 of the 2,278 symmetric pairs
  symmetric: true
model:
  arch: mlp
  embedding_dim: 32       # paper: 500
  hidden: [128]           # paper: [48]
  init: he_uniform
  weight_scale: 1
train:
  optimizer: adamw
  lr: 3.0e-2              # paper: 1e-3
  weight_decay: 1
  iterations: 3000        # the dense run; other arms stop at generalization or 1.5x the dense epoch
  eval_every: 50
prune:
  method: magnitude
  density: 0.4            # fraction of weights KEPT (the code's "sparsity")
  scope: global
  mask_from: final        # the paper's: the dense net's last weights, well past generalization
  generalized_accuracy: 0.99
  reinitialize: true
controls: [random_mask, norm_matched_dense, ticket_no_weight_decay]
`;
