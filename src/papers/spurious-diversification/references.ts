/** No number of the paper could be read (notes: ✗); the abstract's claims are listed, not drawn. */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT = 'Lin et al. 2024, abstract';

export const references: ReferenceNumber[] = [
  {
    id: 'sd-both-wrong',
    label: 'WiSE-FT corrects many OOD points that both the pretrained and the fine-tuned model get wrong',
    series: { arm: 'wise_ft' },
    source: ABSTRACT,
    confirmed: true,
  },
  {
    id: 'sd-bang',
    label: 'BANG significantly improves the OOD performance of WiSE-FT',
    series: { arm: 'bang' },
    source: ABSTRACT,
    confirmed: true,
  },
];
