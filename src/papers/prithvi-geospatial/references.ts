/** The abstract's numbers (read there); none is a number our stand-in can be held to. */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT = 'Jakubik et al. 2023, abstract';

export const references: ReferenceNumber[] = [
  {
    id: 'prithvi-faster',
    label: 'the pretrained model fine-tunes faster than randomly initialized weights',
    series: { arm: 'mae' },
    source: ABSTRACT,
    confirmed: true,
  },
  {
    id: 'prithvi-labels',
    label: 'labelled data can be decreased significantly without affecting accuracy',
    series: { arm: 'mae' },
    source: ABSTRACT,
    confirmed: true,
  },
  {
    id: 'prithvi-ssim',
    label: 'cloud imputation: up to 5 pp (5.7%) better SSIM than a conditional GAN',
    source: ABSTRACT,
    confirmed: true,
    note: 'A task the stand-in does not have.',
  },
];
