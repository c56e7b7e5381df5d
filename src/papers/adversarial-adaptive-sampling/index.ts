/** Adversarial Adaptive Sampling: Unify PINN and Optimal Transport for the Approximation of PDEs (ICLR 2024). Schema only. */
import { definePaper } from '../../core/paper';
import { aasSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const adversarialAdaptiveSampling = definePaper({
  id: 'adversarial-adaptive-sampling',
  title: 'Adversarial Adaptive Sampling: Unify PINN and Optimal Transport for the Approximation of PDEs',
  tier: 'B',
  cluster: 'scientific ML',
  summary:
    'Moving collocation points to where the residual is large, with a generative sampler in a min-max objective, cuts PINN error for solutions with sharp features.',
  claims:
    'Random collocation points introduce a statistical error into the PINN loss that can dominate the approximation error. AAS optimizes the solution network and a deep generative model of the training points together in a min-max objective that implicitly embeds the Wasserstein distance between the residual-induced distribution and the uniform one. A nearly uniform residual profile keeps the variance, and so the Monte Carlo error of the loss, small for a given sample size.',
  citation:
    'Kejun Tang, Jiayu Zhai, Xiaoliang Wan, Chao Yang. Adversarial Adaptive Sampling: Unify PINN and Optimal Transport for the Approximation of PDEs. ICLR 2024.',
  schema: aasSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    'Not trained yet. The planned setting is a 2-D Poisson problem with a sharp peak, a small tanh PINN and a Gaussian-mixture sampler in place of KRnet; the readout would be the relative L2 error of the three samplers over training.',
  needs: ['PINN', 'GEN'],
  arms: [
    { id: 'aas', label: 'adversarial adaptive sampling', role: 'method' },
    { id: 'residual_resampling', label: 'residual-proportional resampling', role: 'control' },
    { id: 'uniform', label: 'fixed uniform points', role: 'control' },
  ],
  keySettings: [
    { label: 'sharpness', path: ['pde', 'sharpness'] },
    { label: 'points', path: ['collocation', 'interior'] },
    { label: 'resample', path: ['collocation', 'resample_every'] },
    { label: 'iters', path: ['train', 'iterations'] },
  ],
});
