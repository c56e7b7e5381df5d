/** No number of the paper could be read (notes: ✗); the abstract's claim and the notes' prediction are listed. */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'lal-robust',
    label: 'one learned policy competes with the best policy learned for each equivalence class',
    series: { arm: 'learned' },
    source: 'Zhang, Jain & Jamieson 2020, abstract',
    confirmed: true,
  },
  {
    id: 'lal-08',
    label: "learned policy's worst-class error ≤ 0.8× uniform allocation's",
    relative: { to: { arm: 'uniform' }, factor: 0.8 },
    series: { arm: 'learned' },
    source: "research notes next-batches.md B25 (our prediction, not the paper's number)",
    confirmed: false,
  },
];
