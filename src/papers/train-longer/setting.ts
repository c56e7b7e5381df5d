/** The paper's setting (eladhoffer/bigBatch: main_gbn.py, models/mnist_f1.py, run_experiments.sh). */
import type { TrainLongerConfig } from './schema';
import type { PaperSetting } from '../../core/paper';

export const trainLongerSetting: PaperSetting<TrainLongerConfig>[] = [
  {
    path: ['large_batch', 'small_batch'],
    value: 128,
    source: 'Hoffer et al. 2017, Table 1 (SB = 128)',
    noteDeparture: true,
  },
  {
    path: ['large_batch', 'batch_size'],
    value: 4096,
    source: 'Hoffer et al. 2017, Table 1 (LB = 4096); bigBatch run_experiments.sh --b 4096',
    why: 'A 4096 batch is 2.5 steps per epoch on our 10,000 images; 1024 keeps ~10.',
  },
  {
    path: ['large_batch', 'ghost_batch'],
    value: 128,
    source: 'bigBatch main_gbn.py (--mini-batch-size 128)',
    noteDeparture: true,
  },
  {
    path: ['large_batch', 'lr_scaling'],
    value: 'sqrt',
    source: 'Hoffer et al. 2017, §4 (learning rate scaled by √(B/b)); bigBatch main_gbn.py lr_bb_fix',
    noteDeparture: true,
  },
  { path: ['train', 'lr'], value: 0.1, source: 'bigBatch models/mnist_f1.py (lr 0.1)', noteDeparture: true },
  { path: ['train', 'momentum'], value: 0.9, source: 'bigBatch main_gbn.py defaults', noteDeparture: true },
  { path: ['train', 'weight_decay'], value: 1e-4, source: 'bigBatch main_gbn.py defaults', noteDeparture: true },
  { path: ['train', 'grad_clip'], value: 5, source: 'bigBatch main_gbn.py (gradient norm clipped to 5)' },
  {
    path: ['model', 'hidden'],
    value: [512, 512, 512, 512, 512],
    source: 'bigBatch models/mnist_f1.py (F1: 784 → 5×[512, BN, ReLU] → 10)',
  },
  { path: ['train', 'epochs'], value: 50, source: 'bigBatch run_experiments.sh (50 epochs)' },
];
