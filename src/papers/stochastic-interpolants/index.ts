/** Stochastic Interpolants: A Unifying Framework for Flows and Diffusions (2023). Schema only. */
import { definePaper } from '../../core/paper';
import { interpolantsSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const stochasticInterpolants = definePaper({
  id: 'stochastic-interpolants',
  title: 'Stochastic Interpolants: A Unifying Framework for Flows and Diffusions',
  tier: 'B',
  cluster: 'generative',
  summary:
    'One stochastic interpolant between two densities gives quadratic objectives for a velocity and a score, and both ODE and SDE samplers (any diffusion level) transport one density to the other.',
  claims:
    'Stochastic interpolants bridge any two densities exactly in finite time by combining samples of both with a latent variable. Their density solves a transport equation and a family of Fokker-Planck equations with tunable diffusion, which gives deterministic (probability-flow ODE) and stochastic (SDE) generative models. The drifts are the unique minimizers of simple quadratic objectives, one of them a new objective for the score; minimizing them controls the likelihood of the stochastic models, while for deterministic dynamics the control is more stringent.',
  citation:
    'Michael S. Albergo, Nicholas M. Boffi, Eric Vanden-Eijnden. Stochastic Interpolants: A Unifying Framework for Flows and Diffusions. arXiv 2303.08797, 2023.',
  schema: interpolantsSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    'Not trained yet. The planned setting is a 2-D toy (Gaussian to checkerboard) with small MLPs; the readout would be the energy distance of ODE and SDE samples to the target over training, and scatter plots of the samples.',
  needs: ['GEN', 'SCATTER2D'],
  arms: [
    { id: 'sde', label: 'SDE sampler (b + ε·s)', role: 'method' },
    { id: 'ode', label: 'probability-flow ODE (b)', role: 'control' },
  ],
  keySettings: [
    { label: 'target', path: ['data', 'target'] },
    { label: 'γ scale', path: ['interpolant', 'gamma_scale'] },
    { label: 'steps', path: ['sampler', 'steps'] },
    { label: 'iters', path: ['train', 'iterations'] },
  ],
});
