/**
 * The paper's results tables could not be read (the research notes mark them ✗; the README lists only
 * hyperparameters). The abstract's qualitative claim is listed, not drawn.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'eva-faster',
    label: 'EVA converges faster than other LoRA initializations and has the highest average score per domain',
    series: { arm: 'eva' },
    source: 'Paischer et al. 2024, abstract',
    confirmed: true,
    note: 'Qualitative; language, vision and RL fine-tuning of large models.',
  },
];
