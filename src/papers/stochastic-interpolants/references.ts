/** The paper reports no number the notes could read; its qualitative claims are listed, not drawn. */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT = 'Albergo, Boffi & Vanden-Eijnden 2023, abstract';

export const references: ReferenceNumber[] = [
  {
    id: 'si-both-transport',
    label: 'ODE and SDE samplers built on one interpolant both transport base to target',
    source: ABSTRACT,
    confirmed: true,
  },
  {
    id: 'si-sde-likelihood',
    label:
      'minimizing the quadratic objectives controls the likelihood for stochastic dynamics; for deterministic dynamics the control is more stringent',
    series: { arm: 'sde' },
    source: ABSTRACT,
    confirmed: true,
    note: "Our reading, a smaller energy distance for the SDE early in training, is a prediction of the notes, not the paper's number.",
  },
];
