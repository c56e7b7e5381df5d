/** The ColoredMNIST table could not be read (notes: ✗); the abstract's claims are listed, not drawn. */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT = 'Zhang, Lopez-Paz & Bottou 2022, abstract';

export const references: ReferenceNumber[] = [
  {
    id: 'rfc-six-methods',
    label: 'RFC initialization helps six OOD methods reach top performance on ColoredMNIST',
    series: { arm: 'irm_rfc' },
    source: ABSTRACT,
    confirmed: true,
  },
  {
    id: 'rfc-oracle',
    label: 'oracle (colour-blind) accuracy on ColoredMNIST ≈ 73–75%',
    y: 0.74,
    source: 'research notes next-batches.md B5 (from the ColoredMNIST literature; not read in this paper)',
    confirmed: false,
  },
];
