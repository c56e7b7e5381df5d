/** The example config ("New Experiment from Paper…" and examples/prithvi-geospatial.exp.yaml). */
export const exampleYaml = `# Foundation Models for Generalist Geospatial Artificial Intelligence (Prithvi; Jakubik et al., 2023)
# A stand-in: Fashion-MNIST tiles instead of satellite imagery, a small encoder over 7x7 patches pretrained by
# masked reconstruction (75% of patches hidden), then fine-tuned with 1%, 10% and 100% of the labels against the
# same encoder from scratch. Paperlab checks this config against the paper's schema and rules but cannot train
# it yet (it needs patch masking in a semi-supervised loop).
paper: prithvi-geospatial
name: fmnist tiles, 75% masking
seed: 1
data:
  unlabeled: 20000
  label_fractions: [0.01, 0.1, 1]
  labeled: 10000
  test: 2000
model:
  patch_size: 7           # 16 patches per tile (Prithvi: 16-pixel patches of 224x224)
  embed_dim: 64
  hidden: [256]
mae:
  mask_ratio: 0.75
  iterations: 2000
  lr: 0.001
  batch_size: 128
finetune:
  iterations: 500
  lr: 0.001
  batch_size: 64
  eval_every: 50
arms: [mae, scratch]
`;
