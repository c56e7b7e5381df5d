/**
 * The paper's claims are qualitative in the abstract (its simulation figures could not be read):
 * random-feature attention has a sample-complexity advantage over two-layer random features, and a
 * non-zero-mean query–key distribution helps for certain natural targets. Drawn relative to our lines.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT = 'Fu, Guo, Bai, Mei 2023, abstract';

export const references: ReferenceNumber[] = [
  {
    id: 'rfa-beats-mlp',
    label: 'attention below the random-feature MLP at equal n (direction only)',
    x: 2000,
    relative: { to: { arm: 'rf_mlp' } },
    series: { arm: 'rfa' },
    source: `${ABSTRACT} ("advantages in the sample complexity over standard two-layer random-feature networks")`,
    confirmed: false,
    note: 'Placed on our MLP line: the paper predicts the attention line below it. No value from the paper.',
  },
  {
    id: 'rfa-bias-helps',
    label: 'a non-zero-mean W_QK below the zero-mean one on a query–key target (direction only)',
    x: 2000,
    relative: { to: { arm: 'rfa' } },
    series: { arm: 'rfa_biased' },
    source: `${ABSTRACT} ("Gaussian random weights with a non-zero mean result in better sample complexities … for certain natural target functions")`,
    confirmed: false,
    note: 'Placed on our zero-mean attention line; which targets the paper meant could not be read.',
  },
];
