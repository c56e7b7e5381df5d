/** The planned experiment's settings (the paper's numbers were not read: notes ✗). */
import type { PaperSetting } from '../../core/paper';
import type { PvrnnConfig } from './schema';

const NOTES = 'research notes next-batches.md B6 (not checked against the paper)';

export const setting: PaperSetting<PvrnnConfig>[] = [
  { path: ['meta_priors'], value: [1e-4, 1e-3, 1e-2, 1e-1, 1], source: `${NOTES}: w ∈ {1e-4, …, 1}` },
  { path: ['data', 'switch_prob'], value: 0.3, source: `${NOTES}: 2-state automaton, switch probability 0.3` },
  { path: ['data', 'sequences'], value: 20, source: `${NOTES}: 20 sequences of length 100` },
];
