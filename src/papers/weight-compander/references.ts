/**
 * The weight-compander paper's claims from its abstract (its tables could not be read and no code was
 * found: next-batches.md §A9), drawn relative to our baseline.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'wc-improves',
    label: 'WC in addition to standard regularization improves test performance',
    relative: { to: { arm: 'baseline' } },
    series: { arm: 'wc_learned' },
    source: 'Cakaj, Mehnert & Yang 2023, abstract',
    confirmed: true,
    note: 'A direction without a size: the mark sits on our baseline (weight decay alone); the compander arms should end above it.',
  },
  {
    id: 'wc-fewer-near-zero',
    label: 'fewer weights centred at zero, a wider spread around it',
    x: 0,
    source:
      'Cakaj, Mehnert & Yang 2023, abstract ("regularized networks tend to have a greater range of weights around zero with fewer weights centered at zero")',
    confirmed: true,
    note: 'Drawn at w = 0: the compander arms’ histograms should be lower there than the baseline’s.',
  },
];
