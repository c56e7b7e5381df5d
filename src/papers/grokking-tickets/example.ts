/** The example config: "New Experiment from Paper…" offers it, and the build writes it to examples/grokking-tickets.exp.yaml. */
export const grokkingExampleYaml = `# Grokking Tickets: Lottery Tickets Accelerate Grokking (Minegishi et al.)
# A dense MLP learns (a + b) mod 67: it memorizes at once and generalizes ("groks") much later.
# The magnitude mask of its final weights, on the weights' initial values, generalizes about
# twice as soon; a random mask with the same per-layer density does not. Full batch: one
# iteration = one epoch. The paper's model, optimizer, lr and weight decay, at a size for 2 CPU
# cores: a 128-wide embedding (paper 500) and 60% of pairs for training (paper 40%) make the dense
# net grok in ~3,500 epochs instead of ~25,000. About 9 minutes with the wasm backend.
paper: grokking-tickets
name: modular addition, grokking ticket
seed: 2
data:
  task: modular_addition
  modulus: 67             # a prime, as in the paper
  train_fraction: 0.6     # 1,367 of the 2,278 symmetric pairs (paper 0.4: grokking takes ~25k epochs)
  symmetric: true
model:
  arch: only_mlp          # the code's OnlyMLP: shared input projection, summed, no biases
  embedding_dim: 128      # paper: 500
  hidden: [48]
  init: lecun_normal
  weight_scale: 1
train:
  optimizer: adamw
  lr: 1.0e-3
  weight_decay: 1
  l1_penalty: 0           # the code's train.py adds 0.003 x mean L1 norm (with weight decay 0): see the docs
  iterations: 7000        # the dense run, ~2x its generalization epoch (the repo's assets/fig1.png takes
                          # the ticket at ~48k epochs, ~2x the ~25k where its dense net generalizes)
  eval_every: 100
prune:
  method: magnitude
  density: 0.4            # fraction of weights KEPT (the code's "sparsity")
  scope: layerwise        # 40% of every layer (the code's "local"); global cut the output layer to 1%
  mask_from: final        # the paper's: the dense net's last weights, well past generalization
  generalized_accuracy: 0.99
  reinitialize: true
controls: [random_mask, norm_matched_dense, norm_matched_dense_l1, ticket_no_weight_decay]
`;
