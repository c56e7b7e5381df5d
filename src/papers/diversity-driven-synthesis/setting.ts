/** The official script's values (AngusDujw/Diversity-Driven-Synthesis, scripts/run_cifar.sh). */
import type { PaperSetting } from '../../core/paper';
import type { DdsConfig } from './schema';

const SCRIPT = 'AngusDujw/Diversity-Driven-Synthesis, scripts/run_cifar.sh';

export const setting: PaperSetting<DdsConfig>[] = [
  {
    path: ['dwa', 'rho'],
    value: 0.015,
    source: `${SCRIPT}: --rho 15e-3`,
    noteDeparture: true,
    why: 'How far the teacher is moved before each batch.',
  },
  { path: ['dwa', 'steps'], value: 12, source: `${SCRIPT}: --steps 12` },
  { path: ['synthesis', 'r_bn'], value: 0.01, source: `${SCRIPT}: --r-bn 0.01`, noteDeparture: true },
  { path: ['synthesis', 'lr'], value: 0.25, source: `${SCRIPT}: --lr 0.25` },
  {
    path: ['synthesis', 'iterations'],
    value: 1000,
    source: `${SCRIPT}: --iteration 1000`,
    why: 'We use fewer steps on one core.',
  },
];
