/** The paper's numbers were not read (notes: ✗); the abstract's claims are listed, not drawn. */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT = 'Soro et al. 2025, abstract';

export const references: ReferenceNumber[] = [
  {
    id: 'd2nwg-unseen',
    label: 'generated weights generalize to seen and unseen tasks, beating meta-learning methods and pretrained models',
    series: { arm: 'generated' },
    source: ABSTRACT,
    confirmed: true,
  },
  {
    id: 'd2nwg-80',
    label: 'generated weights on held-out binary tasks ≥ 80% without fine-tuning (random: 50%)',
    y: 0.8,
    series: { arm: 'generated' },
    source: "research notes next-batches.md C4 (our prediction, not the paper's number)",
    confirmed: false,
  },
];
