/** Weight Compander (Cakaj, Mehnert & Yang 2023). No tfjs here: see recipe.ts. */
import { definePaper } from '../../core/paper';
import { weightCompanderSchema } from './schema';
import { weightCompanderRules } from './rules';
import { weightCompanderSetting } from './setting';
import { weightCompanderExampleYaml } from './example';
import { figures } from './figures';
import { references } from './references';
import { weightCompanderWork } from './work';

export const weightCompander = definePaper({
  id: 'weight-compander',
  title: 'Weight Compander: A Simple Weight Reparameterization for Regularization',
  tier: 'A',
  cluster: 'regularization',
  summary: 'A nonlinear reparameterization of the weights keeps them small and regularizes training.',
  claims:
    'Reparameterizing every weight through a nonlinear function that restricts large magnitudes while forcing weights away from zero regularizes: individual weights cannot dominate, and more weights take part. Added to standard regularization it improves test performance; its hyperparameters can be learned during training.',
  citation:
    'Rinor Cakaj, Jens Mehnert, Bin Yang. Weight Compander: A Simple Weight Reparameterization for Regularization. arXiv 2306.16993, 2023.',
  schema: weightCompanderSchema,
  rules: weightCompanderRules,
  paperSetting: weightCompanderSetting,
  references,
  figures,
  exampleYaml: weightCompanderExampleYaml,
  scaleNote:
    'Only a stand-in: the paper’s compander function could not be read (abstract only, no code found), so the two families here (a μ-law-like log compressor and tanh plus a linear leak, in units of each layer’s initial std) are ours; and a 784-256-256-10 MLP on 10,000 Fashion-MNIST images replaces the paper’s CIFAR/ImageNet networks.',
  arms: [
    { id: 'wc_learned', label: 'compander, learned hyperparameters', role: 'method' },
    { id: 'wc_fixed', label: 'compander, fixed hyperparameters', role: 'method' },
    { id: 'baseline', label: 'weight decay alone', role: 'control' },
  ],
  keySettings: [
    { label: 'family', path: ['compander', 'family'] },
    { label: 'a', path: ['compander', 'a'] },
    { label: 'b', path: ['compander', 'b'] },
    { label: 'wd', path: ['train', 'weight_decay'] },
    { label: 'iters', path: ['train', 'iterations'] },
  ],
  work: weightCompanderWork,
});
