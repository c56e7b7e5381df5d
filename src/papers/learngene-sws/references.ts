/** What Xia et al. report, as far as it was read (the abstract: ImageNet-1K, ViTs; tables not read). */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT = 'Xia et al. 2024, abstract';

export const references: ReferenceNumber[] = [
  {
    id: 'sws-beats-scratch',
    label: 'consistently better than models trained from scratch',
    source: ABSTRACT,
    confirmed: true,
  },
  {
    id: 'sws-one-epoch',
    label: 'in some cases better after only 1 epoch of tuning',
    source: ABSTRACT,
    confirmed: true,
  },
  {
    id: 'sws-cost',
    label: '≈ 6.6× lower total training cost than training from scratch',
    source: ABSTRACT,
    confirmed: true,
  },
  {
    id: 'sws-storage',
    label:
      '≈ 20× fewer parameters stored and ≈ 10× less pre-training to initialise variable-sized models than pre-training and fine-tuning',
    source: ABSTRACT,
    confirmed: true,
  },
];
