/** The example config ("New Experiment from Paper…" and examples/layer-lottery.exp.yaml). */
export const layerLotteryExampleYaml = `# When Layers Play the Lottery, all Tickets Win at Initialization (Jordao et al. 2023)
# A residual MLP (stand-in for ResNet32/CIFAR-10): remove p of its 6 blocks at initialization, chosen
# by GraSP or SNIP (random and last-p as controls), train from the same init; against the full net
# and unit pruning to the same FLOPs. About 6 minutes on one core.
paper: layer-lottery
name: residual mlp, 6 blocks, layer pruning at init
seed: 1
data:
  dataset: fashion-mnist     # Debian's dataset-fashion-mnist
  train: 20000
  test: 5000
model:
  arch: residual_mlp
  width: 128
  blocks: 6
  init: he_normal
train:
  optimizer: adam
  lr: 1.0e-3
  batch_size: 128
  iterations: 1000
  eval_every: 100
prune:
  blocks_removed: [2, 4]     # p counts blocks, not a fraction
  criteria: [grasp, snip, random, last]
  unit_control: [4]          # unit pruning to the FLOPs of removing 4 blocks
  saliency_batch: 512
`;
