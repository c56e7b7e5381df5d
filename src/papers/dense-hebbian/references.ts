/**
 * The paper's results are phase diagrams (ultra-storage and ultra-detection regimes) whose values were
 * not read; what the abstract states is an ordering: dense networks retrieve where shallow (pairwise)
 * ones fail, in load and in signal-to-noise. The marks are relative to our own pairwise arm.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT =
  'Agliari et al., Dense Hebbian neural networks: a replica symmetric picture of supervised learning, abstract';

export const references: ReferenceNumber[] = [
  {
    id: 'dh-ultra-storage',
    label: 'abstract: dense networks retrieve at loads where pairwise ones cannot (ultra-storage; ordering only)',
    x: 200,
    relative: { to: { arm: 'pairwise', K: 40 }, factor: 1 },
    series: { arm: 'dense', K: 40 },
    source: ABSTRACT,
    confirmed: false,
    note: 'The abstract states the regime, not a number for this N, K and r; the mark is our pairwise line, which the dense one should clear.',
  },
  {
    id: 'dh-ultra-detection',
    label: 'abstract: dense networks retrieve from noisier data (ultra-detection; ordering only)',
    x: 20,
    relative: { to: { arm: 'pairwise', K: 5 }, factor: 1 },
    series: { arm: 'dense', K: 5 },
    source: ABSTRACT,
    confirmed: false,
    note: 'Ordering from the abstract; the paper’s signal-to-noise thresholds were not read.',
  },
];
