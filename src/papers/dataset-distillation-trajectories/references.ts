/** No number of the paper could be read (notes: ✗); the abstract's claim and the notes' prediction are listed. */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'ddt-better',
    label: 'the method significantly outperforms prior distillation methods',
    series: { arm: 'smooth_experts' },
    source: 'Shen et al. 2023, abstract',
    confirmed: true,
  },
  {
    id: 'ddt-85',
    label: 'MNIST at 10 images per class: ≥ 85% test accuracy (random real images ≤ 80%)',
    y: 0.85,
    series: { arm: 'smooth_experts' },
    source: "research notes next-batches.md B22 (our prediction, not the paper's number)",
    confirmed: false,
  },
];
