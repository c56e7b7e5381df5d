/** The example config ("New Experiment from Paper…" and examples/locality-weight-sharing.exp.yaml). */
export const exampleYaml = `# Role of Locality and Weight Sharing in Image-Based Tasks (Lahoti et al., ICLR 2024)
# The Dynamic Signal Distribution: k patches of dimension 16, a signed signal in one random patch.
# Samples each network needs to reach 90% test accuracy, for k = 4, 8, 16: CNN < LCN < FCN?
paper: locality-weight-sharing
name: DSD d 16, k 4-16
seed: 1
task:
  patch_dim: 16
  patches: [4, 8, 16]
  noise: 1                # a noise patch has norm ~1, like the signal
  samples: [25, 50, 100, 200, 400, 800, 1600, 3200]
  test: 2000
  target_accuracy: 0.9
models: [cnn, lcn, fcn]
model:
  channels: 16            # filters per patch (CNN, LCN), hidden units (FCN)
train:
  lr: 0.01                # full-batch Adam
  steps: 300
`;
