/** The planned experiment's settings (the paper's tables were not read: notes ✗). */
import type { PaperSetting } from '../../core/paper';
import type { LalConfig } from './schema';

const NOTES = 'research notes next-batches.md B25 (not checked against the paper)';

export const setting: PaperSetting<LalConfig>[] = [
  { path: ['problem', 'bandit_arms'], value: 5, source: `${NOTES}: 5 Gaussian arms` },
  {
    path: ['problem', 'budget'],
    value: 20,
    source: `${NOTES}: budget 20; abstract: "a few dozen"`,
    noteDeparture: true,
  },
  { path: ['policy', 'rollouts'], value: 1000, source: `${NOTES}: 1,000 episodes in parallel` },
];
