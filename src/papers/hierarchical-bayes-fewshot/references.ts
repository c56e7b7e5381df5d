/** The paper's tables were not read (notes: ✗; the code is "coming soon"); claims listed, not drawn. */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'niw-no-graph',
    label:
      'episodes are one-time iterates with approximate closed-form local posteriors: no inner-loop graph as in MAML',
    series: { arm: 'niw' },
    source: 'Kim & Hospedales 2023, abstract',
    confirmed: true,
  },
  {
    id: 'niw-08',
    label: 'NIW-Meta test MSE ≤ 0.8× first-order MAML on 5-shot regression',
    relative: { to: { arm: 'fomaml' }, factor: 0.8 },
    series: { arm: 'niw' },
    source: "research notes next-batches.md B7 (our prediction, not the paper's number)",
    confirmed: false,
  },
];
