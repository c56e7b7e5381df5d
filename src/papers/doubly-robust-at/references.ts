/**
 * What Sow et al. report, as far as it could be read: the abstract (no code was released), so the
 * claims are relative — average robustness not hurt, the weakest points more robust.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'dr-average',
    label: 'outperforms baselines in average robust performance',
    source: 'Sow et al. 2024, abstract',
    confirmed: true,
  },
  {
    id: 'dr-weakest',
    label: 'improves robustness on the weakest data points (the most vulnerable classes)',
    source: 'Sow et al. 2024, abstract',
    confirmed: true,
  },
];
