/** The example config ("New Experiment from Paper…" and examples/mixture-growth.exp.yaml). */
export const mixtureGrowthExampleYaml = `# MixtureGrowth: Growing Neural Networks by Recombining Learned Parameters (Pham et al., WACV 2024)
# Two 128-wide template-mixing MLPs grow into one 256-wide net whose new blocks recombine the trained
# templates; against growth with random weights and the 256-wide net trained from scratch.
# About 2 minutes on one core.
paper: mixture-growth
name: template-mixing mlp 2x128 -> 256
seed: 1
data:
  dataset: fashion-mnist    # Debian's dataset-fashion-mnist; the paper uses CIFAR-100 and ImageNet
  train: 20000
  test: 5000
model:
  arch: mlp
  hidden: [256, 256]        # the grown widths; each member is half as wide (template size 0.5)
  init: he_normal
  activation: relu
  templates: 2              # the code's num_templates_each_set
train:
  optimizer: adam
  lr: 1.0e-3
  batch_size: 128
  eval_every: 100
growth:
  member_iterations: 1560   # 10 epochs per member
  growth_iterations: 312    # 2 epochs after growth
  lr_growing: 1.0e-4        # the code's default
  coefficients: orthogonal  # the code's default
controls: [random_growth, scratch]
scratch_iterations: 1875    # 12 epochs at 256 wide
`;
