/** The paper's claims (abstract only; no numbers could be read: pruning-lottery.md §4), relative to our runs. */
import type { ReferenceNumber } from '../../core/figures/spec';

const source = 'Farahani 2024, abstract';

export const references: ReferenceNumber[] = [
  {
    id: 'rss-no-better',
    label: 'searched masks perform no better than random masks of the same sparsity (Δ = 0)',
    relative: { to: { arm: 'random' } },
    series: { arm: 'searched' },
    source,
    confirmed: true,
    note: 'A null claim: the mark sits on our random masks’ mean at each sparsity; the searched masks should land on it, within the equivalence margin.',
  },
  {
    id: 'rss-sparse-keeps-performance',
    label: 'a significant level of performance is preserved even when highly sparse',
    relative: { to: { arm: 'dense' }, atX: 0 },
    series: { arm: 'random' },
    source,
    confirmed: true,
    note: 'Drawn at the dense parent’s accuracy; "significant" is not quantified in the abstract.',
  },
];
