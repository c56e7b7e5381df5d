/** The paper's numbers could not be read (notes: ✗); the abstract's claims are listed, not drawn. */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT = 'Li, Huang et al. 2022, abstract';

export const references: ReferenceNumber[] = [
  {
    id: 'cbm-vs-meta',
    label: 'field-space learning with weight uncertainty forgets less than metaplasticity',
    series: { arm: 'meanfield' },
    source: ABSTRACT,
    confirmed: true,
  },
  {
    id: 'cbm-theory',
    label: "the binary perceptron's continual learning curves match the Franz–Parisi mean-field prediction",
    source: ABSTRACT,
    confirmed: true,
    note: 'A teacher-student perceptron; not part of the planned permuted-MNIST run.',
  },
];
