/** The README's results are an image (notes); the abstract's claim and the notes' prediction are listed. */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'dds-better',
    label: 'superior performance on CIFAR, Tiny-ImageNet and ImageNet-1K with minimal computational expense',
    series: { arm: 'dwa' },
    source: 'Du et al. 2024, abstract',
    confirmed: true,
  },
  {
    id: 'dds-diversity',
    label: 'DWA: mean pairwise feature distance ≥ 1.2× and student ≥ +2 pp',
    relative: { to: { arm: 'no_dwa' }, offset: 0.02 },
    series: { arm: 'dwa' },
    source: "research notes next-batches.md B23 (our prediction, not the paper's number)",
    confirmed: false,
  },
];
