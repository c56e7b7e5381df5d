/** The official code's values (ml-jku/EVA). */
import type { PaperSetting } from '../../core/paper';
import type { EvaConfig } from './schema';

const SVD = 'ml-jku/EVA, bash/run_svd_precompute.sh';
const TRAIN = 'ml-jku/EVA, bash/_run_train_eva_rho2.sh';

export const setting: PaperSetting<EvaConfig>[] = [
  {
    path: ['lora', 'rank'],
    value: 16,
    source: `${SVD}: ranks=(16)`,
    why: 'Components per weight matrix before redistribution; we use fewer for a small MLP.',
  },
  { path: ['lora', 'rho'], value: 2, source: `${TRAIN} (rho2); ${SVD} also runs rho 1`, noteDeparture: true },
  { path: ['lora', 'svd_batch_size'], value: 16, source: `${SVD}: batch_sizes=(16)` },
  {
    path: ['lora', 'early_stop_sim_thresh'],
    value: 0.99,
    source: `${SVD}: early_stop_sim_thresh=0.99`,
    noteDeparture: true,
  },
  { path: ['train', 'lr'], value: 5e-4, source: 'ml-jku/EVA README, "Reproducing results": learning_rate 5e-4' },
  { path: ['train', 'warmup_ratio'], value: 0.03, source: `${TRAIN}: --warmup_ratio 0.03 (cosine schedule)` },
  { path: ['train', 'weight_decay'], value: 0, source: `${TRAIN}: --weight_decay 0.0` },
];
