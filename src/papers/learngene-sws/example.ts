/** The example config ("New Experiment from Paper…" and examples/learngene-sws.exp.yaml). */
export const exampleYaml = `# Exploring Learngene via Stage-wise Weight Sharing for Initializing Variable-sized Models
# (Xia, Zhu, Yang & Geng, IJCAI 2024), as a stand-in: residual MLPs on Fashion-MNIST for ViTs on ImageNet.
# Teacher -> auxiliary net with one shared block per stage (distilled) -> descendants of depth 3/6/9
# initialised from it and tuned one epoch, against random inits. About 5-6 minutes on one core.
paper: learngene-sws
name: stage-wise weight sharing, descendants of depth 3/6/9
seed: 1
data:
  dataset: fashion-mnist
  train: 12000
  test: 2000
teacher:
  hidden: [512, 512, 512]
  epochs: 5
width: 256
aux:
  blocks_per_stage: [3, 3, 3]   # each stage applies its one shared block 3 times
  epochs: 5
  temperature: 1
descendants:
  depths:                       # blocks per stage
    - [1, 1, 1]
    - [2, 2, 2]
    - [3, 3, 3]
  epochs: 1                     # "better only after 1 epoch tuning"
  reference_epochs: 4           # scratch_long
arms: [sws, scratch, learngene_untied, scratch_long]
train:
  optimizer: adam
  lr: 1.0e-3
  batch_size: 128
  activation: gelu
  init: he_normal
`;
