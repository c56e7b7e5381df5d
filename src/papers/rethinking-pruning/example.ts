/** The example config: "New Experiment from Paper…" offers it, and the build writes it to examples/rethinking-pruning.exp.yaml. */
export const exampleYaml = `# Rethinking the Value of Network Pruning (Liu et al., ICLR 2019), on LeNet-300-100.
# Prune whole neurons by the L1 norm of their incoming weights (50% and 75% of each hidden layer),
# then get a trained small network three ways: fine-tune the pruned weights, or train the small
# architecture from a fresh init for the same iterations (Scratch-E) or the same compute (Scratch-B).
# Full model 2,000 iterations; Scratch-B 4,238 and 8,738 (× FLOPs ratio 2.12 and 4.37) on the small
# nets: about 20,000 steps, 4–5 minutes with the wasm backend on an idle machine.
paper: rethinking-pruning
name: lenet-300-100, L1 neuron pruning
seed: 1
data: { dataset: mnist, train: 8000, test: 2000 }
model: { arch: mlp, hidden: [300, 100], init: he_normal, activation: relu }
train:
  optimizer: sgd
  lr: 0.05              # paper (CIFAR conv nets): 0.1
  momentum: 0.9
  weight_decay: 1.0e-4
  batch_size: 64
  iterations: 2000      # 16 epochs of 8,000 digits
  eval_every: 250
  lr_drops: [0.5, 0.75] # ×0.1 at 50% and 75% of every run, as the paper's 80/120 of 160 epochs
prune: { method: l1_neuron, ratios: [0.5, 0.75] }   # fraction of UNITS removed per hidden layer
finetune: { iterations: 500, lr: 0.001 }
regimes: [finetune, scratch_e, scratch_b]
scratch_init: fresh
`;
