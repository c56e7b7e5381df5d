/** ColoredMNIST's construction, the benchmark the abstract names. */
import type { PaperSetting } from '../../core/paper';
import type { RfcConfig } from './schema';

const CMNIST = 'ColoredMNIST (Arjovsky et al. 2019), as the research notes give it (next-batches.md B5)';

export const setting: PaperSetting<RfcConfig>[] = [
  { path: ['data', 'train_envs'], value: [0.9, 0.8], source: CMNIST, noteDeparture: true },
  { path: ['data', 'test_env'], value: 0.1, source: CMNIST, noteDeparture: true },
  {
    path: ['data', 'label_noise'],
    value: 0.25,
    source: CMNIST,
    noteDeparture: true,
    why: 'Caps shape at 75% so that colour (80–90%) is the easier feature.',
  },
  {
    path: ['rfc', 'discovery_rounds'],
    value: 2,
    source: 'research notes next-batches.md B5 (2 discovery episodes; not checked against the paper)',
  },
];
