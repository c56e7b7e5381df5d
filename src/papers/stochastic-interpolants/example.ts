/** The example config ("New Experiment from Paper…" and examples/stochastic-interpolants.exp.yaml). */
export const exampleYaml = `# Stochastic Interpolants: A Unifying Framework for Flows and Diffusions (Albergo, Boffi & Vanden-Eijnden, 2023)
# Gaussian → 2-D checkerboard through x_t = (1 - t) x0 + t x1 + γ(t) z; the velocity and the score are fitted by
# quadratic objectives, then sampled with the ODE and with SDEs at two diffusion levels. Paperlab checks this
# config against the paper's schema and rules but cannot train it yet (it needs generative blocks).
paper: stochastic-interpolants
name: gaussian → checkerboard
seed: 1
data:
  target: checkerboard
  base: gaussian
  eval_samples: 5000
model:
  hidden: [128, 128, 128]
interpolant:
  path: linear
  gamma_scale: 1          # γ(t) = √(t(1 - t))
  t_clip: 0.001
train:
  optimizer: adam
  lr: 0.001
  batch_size: 512
  iterations: 5000
  eval_every: 500
sampler:
  steps: 200
  epsilons: [0.5, 1]
arms: [ode, sde]
`;
