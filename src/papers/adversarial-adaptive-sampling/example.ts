/** The example config ("New Experiment from Paper…" and examples/adversarial-adaptive-sampling.exp.yaml). */
export const exampleYaml = `# Adversarial Adaptive Sampling: Unify PINN and Optimal Transport for the Approximation of PDEs (Tang et al., ICLR 2024)
# A 2-D Poisson problem whose solution has a sharp peak: a tanh PINN trained on points moved by an adversarial
# generative sampler, by residual-proportional resampling, or left uniform. Paperlab checks this config against
# the paper's schema and rules but cannot train it yet (it needs explicit Laplacians and generative samplers).
paper: adversarial-adaptive-sampling
name: poisson, sharp peak
seed: 1
pde:
  problem: poisson_peak
  sharpness: 1000         # peak width about 0.03: a uniform 1,000-point set puts ~1 point in it
model:
  hidden: [32, 32, 32]
  activation: tanh
collocation:
  interior: 1000
  boundary: 200
  resample_every: 500
  mixture_components: 8
train:
  optimizer: adam
  lr: 0.001
  iterations: 5000
  eval_every: 250
  boundary_weight: 1
arms: [aas, residual_resampling, uniform]
`;
