/** Intriguing Properties of Adversarial Examples (Cubuk et al. 2017). No tfjs here: see recipe.ts. */
import { definePaper } from '../../core/paper';
import { adversarialPowerLawSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { work } from './work';

export const adversarialPowerLaw = definePaper({
  id: 'adversarial-power-law',
  title: 'Intriguing Properties of Adversarial Examples',
  tier: 'A',
  cluster: 'robustness',
  summary:
    'Adversarial error grows as a power of the perturbation size with the same exponent for every model, set by the statistics of logit differences.',
  claims:
    "The functional form of a network's uncertainty about its predictions is independent of architecture, dataset and training protocol and depends only on the statistics of its logit differences, which do not change significantly during training. Adversarial error therefore scales as a power law in the size of the perturbation, universally: across MNIST, CIFAR10, ImageNet and random data, for deep, linear, adversarially trained and shuffled-label models, and for FGSM, step l.l. and PGD.",
  citation:
    'Ekin D. Cubuk, Barret Zoph, Samuel S. Schoenholz, Quoc V. Le. Intriguing Properties of Adversarial Examples. arXiv 1711.02846 (2017); ICLR 2018 workshop.',
  schema: adversarialPowerLawSchema,
  rules,
  paperSetting: setting,
  references,
  figures,
  exampleYaml,
  scaleNote:
    "MNIST only (the paper adds CIFAR10, ImageNet and random data): four small models trained on 8,000 digits for 600–4,000 steps and attacked on 1,000 test digits; the architecture search and the adversarially trained models of the paper are not run. Only the abstract could be read, so the exponent is compared across our own models, not with the paper's value.",
  arms: [
    { id: 'mlp', label: 'MLP (LeNet-300-100)', role: 'method' },
    { id: 'linear', label: 'softmax regression', role: 'method' },
    { id: 'mlp_shuffled', label: 'MLP, shuffled labels', role: 'method' },
    { id: 'lenet5', label: 'LeNet-5', role: 'method' },
    { id: 'mlp_low_entropy', label: 'MLP, entropy penalty', role: 'method' },
  ],
  keySettings: [
    { label: 'models', path: ['arms'] },
    { label: 'ε', path: ['attack', 'eps_min'] },
    { label: 'window', path: ['attack', 'fit_max_error'] },
    { label: 'iters', path: ['train', 'iterations'] },
  ],
  work,
});
