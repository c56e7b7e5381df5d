/** The paper's numbers were not read (notes: ✗); the abstract's claims are listed, not drawn. */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT = 'Ahmadi & Tani 2019, abstract';

export const references: ReferenceNumber[] = [
  {
    id: 'pvrnn-high-w',
    label: 'high meta-prior: deterministic chaos imitates the randomness of the data',
    source: ABSTRACT,
    confirmed: true,
  },
  {
    id: 'pvrnn-low-w',
    label: 'low meta-prior: the model behaves as a random process',
    source: ABSTRACT,
    confirmed: true,
  },
  {
    id: 'pvrnn-mid-w',
    label: 'intermediate meta-prior generalizes best',
    series: { arm: 'pvrnn' },
    source: ABSTRACT,
    confirmed: true,
  },
];
