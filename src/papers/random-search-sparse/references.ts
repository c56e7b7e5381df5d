/** The paper's claims (abstract only; no numbers could be read: pruning-lottery.md §4), relative to our runs. */
import type { ReferenceNumber } from '../../core/figures/spec';

const source = 'Farahani 2024, abstract';

export const references: ReferenceNumber[] = [
  ...[0.5, 0.9].map((x) => ({
    id: x === 0.5 ? 'rss-no-better' : 'rss-no-better-90',
    label: `searched masks perform no better than random masks of the same sparsity (Δ = 0, at ${100 * x}%)`,
    x,
    relative: { to: { arm: 'random' } },
    series: { arm: 'searched' },
    source,
    confirmed: true,
    note: 'A null claim: the mark sits on our random masks’ mean; the searched masks should land on it, within the equivalence margin.',
  })),
  {
    id: 'rss-sparse-keeps-performance',
    label: 'a significant level of performance is preserved even when highly sparse',
    x: 0.9,
    relative: { to: { arm: 'dense' }, atX: 0 },
    series: { arm: 'random' },
    source,
    confirmed: true,
    note: 'Drawn at 90% sparsity at the dense parent’s accuracy; "significant" is not quantified in the abstract.',
  },
];
