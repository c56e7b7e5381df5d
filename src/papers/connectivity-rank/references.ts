/**
 * The paper reports its RNN results as figures; the abstract states them qualitatively ("high-rank
 * initializations typically yield smaller network changes"). Drawn as a relative mark: rank 1 changes
 * its weights more than full rank. No value from the paper.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'cr-rich-low-rank',
    label: 'rank 1 changes more than full rank (richer): above the full-rank point',
    x: 1,
    relative: { to: { arm: 'random', rank: 100 }, atX: 100 },
    series: { arm: 'random', rank: 1 },
    source:
      'Liu et al. 2024, abstract ("high-rank initializations typically yield smaller network changes indicative of lazier learning")',
    confirmed: false,
    note: "A direction, not a value: the mark sits at the full-rank network's weight change; the paper's rank-1 point lies above it. The example's full rank is N = 100.",
  },
];
