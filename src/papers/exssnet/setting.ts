/** ExSSNeT's own setting from its code and SupSup's notebook. */
import type { PaperSetting } from '../../core/paper';
import type { ExssnetConfig } from './schema';

export const exssnetSetting: PaperSetting<ExssnetConfig>[] = [
  {
    path: ['mask', 'lr'],
    value: 0.01,
    source: 'prateeky2806/exessnet README: --lr=0.01 (mask optimizer adam, configs/transfer/config/vision.yaml)',
    noteDeparture: true,
  },
  {
    path: ['weights', 'lr'],
    value: 0.001,
    source: 'prateeky2806/exessnet README: --train-weight-lr=0.001',
    noteDeparture: true,
  },
  { path: ['tasks', 'count'], value: 5, source: 'prateeky2806/exessnet README: --num-tasks=5' },
  {
    path: ['model', 'density'],
    value: 0.1,
    source: 'prateeky2806/exessnet configs/transfer/config/vision.yaml: sparsity 0.1 (kept share); abstract: 2–10%',
  },
  {
    path: ['model', 'hidden'],
    value: [300, 300],
    source: 'RAIVNLab/supsup mnist.ipynb: MultitaskFC(hidden_size=300), 784-300-300-100 bias-free',
  },
];
