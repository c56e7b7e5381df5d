/** Monotone deep Boltzmann machines (TMLR 2023). Schema only. */
import { definePaper } from '../../core/paper';
import { monotoneDbmSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const monotoneDbm = definePaper({
  id: 'monotone-dbm',
  title: 'Monotone deep Boltzmann machines',
  tier: 'B',
  cluster: 'generative',
  summary:
    'A monotone parameterization of a deep Boltzmann machine guarantees a unique mean-field fixed point even with arbitrary intra-layer weights, so inference converges.',
  claims:
    'Deep Boltzmann machines are usually restricted (RBMs, no intra-layer connections) to make inference tractable. The monotone DBM allows arbitrary self-connections in each layer but restricts the weights, with tools from monotone deep equilibrium models, so that a mean-field fixed point exists and is globally unique; a particular activation makes the fixed-point iteration a variational mean-field solution. It enables joint completion and classification of images in one probabilistic model, avoiding the pitfalls of mean-field inference in traditional RBMs.',
  citation: 'Zhili Feng, Ezra Winston, J. Zico Kolter. Monotone deep Boltzmann machines. TMLR 2023.',
  schema: monotoneDbmSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    'Not trained yet. The planned setting is binarized 14×14 MNIST with label units and one hidden layer instead of convolutional Boltzmann machines; the readout would be the share of test inputs whose mean-field iteration converges, completion of occluded digits and classification accuracy.',
  needs: ['SPIN', 'FIXEDPOINT'],
  arms: [
    { id: 'monotone', label: 'monotone DBM', role: 'method' },
    { id: 'unconstrained', label: 'unconstrained weights', role: 'control' },
  ],
  keySettings: [
    { label: 'm', path: ['meanfield', 'm'] },
    { label: 'α', path: ['meanfield', 'damping'] },
    { label: 'unroll', path: ['meanfield', 'unroll'] },
    { label: 'hidden', path: ['model', 'hidden'] },
  ],
});
