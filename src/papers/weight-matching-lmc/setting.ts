/** The paper's own setting (Ito et al.'s code, `src/mnist_mlp_train.py`; notes §9(a)). */
import type { WeightMatchingConfig } from './schema';
import type { PaperSetting } from '../../core/paper';

const CODE = 'Ito et al., src/mnist_mlp_train.py (notes §9(a))';

export const setting: PaperSetting<WeightMatchingConfig>[] = [
  {
    path: ['model', 'hidden'],
    value: [512, 512, 512],
    source: CODE,
    noteDeparture: true,
    why: 'Three hidden layers of 512; we default to two of 256 so the run takes minutes.',
  },
  { path: ['train', 'batch_size'], value: 500, source: CODE, noteDeparture: true },
  {
    path: ['matching', 'max_iter'],
    value: 100,
    source: 'Ito et al., src/weight_matching.py (max_iter 100, early stop)',
  },
  { path: ['interpolation', 'points'], value: 25, source: 'Ito et al., lambdas = linspace(0, 1, 25)' },
  { path: ['data', 'dataset'], value: 'mnist', source: CODE },
];
