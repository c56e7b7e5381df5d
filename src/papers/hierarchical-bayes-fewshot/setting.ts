/** The official README's command line (minyoungkim21/niwmeta, CIFAR-FS with DINO/s-16). */
import type { PaperSetting } from '../../core/paper';
import type { NiwConfig } from './schema';

const README = 'minyoungkim21/niwmeta README, "How to run" (the CIFAR-FS command line)';

export const setting: PaperSetting<NiwConfig>[] = [
  { path: ['niw', 'n0_init'], value: 1, source: `${README}: --n0_init 1` },
  { path: ['niw', 'gam0_init'], value: 1e6, source: `${README}: --gam0_init 1e6` },
  { path: ['niw', 'steps'], value: 3, source: `${README}: --steps 3`, noteDeparture: true },
  { path: ['niw', 'burnin'], value: 0, source: `${README}: --burnin 0` },
  { path: ['niw', 'alp'], value: 1e-6, source: `${README}: --alp 1e-6` },
  { path: ['niw', 'nsamps_test'], value: 2, source: `${README}: --nsamps_test 2` },
  { path: ['task', 'shots'], value: 5, source: `${README}: --nSupport 5` },
];
