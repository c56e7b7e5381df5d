/** The planned experiment's settings (the paper's own tables were not read: notes ✗). */
import type { PaperSetting } from '../../core/paper';
import type { DdConfig } from './schema';

const NOTES = 'research notes next-batches.md B22 (not checked against the paper)';

export const setting: PaperSetting<DdConfig>[] = [
  { path: ['data', 'ipc'], value: 10, source: `${NOTES}: MNIST, 10 images per class` },
  { path: ['distill', 'syn_steps'], value: 20, source: `${NOTES}: 20 unrolled inner steps` },
  { path: ['distill', 'iterations'], value: 500, source: `${NOTES}: 500 outer steps` },
  { path: ['experts', 'count'], value: 5, source: `${NOTES}: 5 experts × 10 epochs` },
  {
    path: ['distill', 'init'],
    value: 'representative',
    source: 'Shen et al. 2023, abstract (representative initialization)',
    noteDeparture: true,
  },
];
