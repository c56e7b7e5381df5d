/** The paper's numbers were not read (notes: ✗); the abstract's claims are listed, not drawn. */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT = 'Feng, Winston & Kolter 2023, abstract';

export const references: ReferenceNumber[] = [
  {
    id: 'mdbm-unique',
    label:
      'the monotone parameterization guarantees a unique mean-field fixed point with arbitrary intra-layer weights',
    series: { arm: 'monotone' },
    source: ABSTRACT,
    confirmed: true,
  },
  {
    id: 'mdbm-completion',
    label: 'joint completion and classification of images in one deep probabilistic model',
    series: { arm: 'monotone' },
    source: ABSTRACT,
    confirmed: true,
  },
];
