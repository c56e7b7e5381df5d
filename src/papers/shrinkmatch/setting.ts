/** The official code's values (LiheYoung/ShrinkMatch, STL10-SVHN/config/shrinkmatch_svhn_40labels_seed0.yaml). */
import type { PaperSetting } from '../../core/paper';
import type { ShrinkmatchConfig } from './schema';

const CONFIG = 'LiheYoung/ShrinkMatch, STL10-SVHN/config/shrinkmatch_svhn_40labels_seed0.yaml';

export const setting: PaperSetting<ShrinkmatchConfig>[] = [
  {
    path: ['semi', 'threshold'],
    value: 0.95,
    source: `${CONFIG}: p_cutoff`,
    noteDeparture: true,
    why: 'The class space is shrunk until the top-1 clears this.',
  },
  {
    path: ['semi', 'uratio'],
    value: 7,
    source: `${CONFIG}: uratio`,
    why: 'More unlabelled samples per step; we use fewer to stay on one core.',
  },
  { path: ['semi', 'lambda_u'], value: 1, source: `${CONFIG}: ulb_loss_ratio`, noteDeparture: true },
  { path: ['semi', 'temperature'], value: 0.5, source: `${CONFIG}: T` },
  { path: ['semi', 'hard_label'], value: true, source: `${CONFIG}: hard_label` },
  { path: ['semi', 'ema'], value: 0.999, source: `${CONFIG}: ema_m` },
  { path: ['train', 'lr'], value: 0.03, source: `${CONFIG}: lr (SGD, momentum 0.9, weight decay 5e-4)` },
  { path: ['train', 'momentum'], value: 0.9, source: `${CONFIG}: momentum` },
  { path: ['train', 'weight_decay'], value: 5e-4, source: `${CONFIG}: weight_decay` },
  { path: ['data', 'labels_per_class'], value: 4, source: 'README: the "@40 labels" settings on 10 classes' },
];
