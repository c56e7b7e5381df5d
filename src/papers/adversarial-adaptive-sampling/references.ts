/** The paper's error tables were not read (notes: ✗); the abstract's claim is listed, not drawn. */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'aas-flat-residual',
    label:
      'adjusting the samples keeps the residual profile nearly uniform, which cuts the Monte Carlo error of the loss for a given sample size',
    series: { arm: 'aas' },
    source: 'Tang et al. 2024, abstract',
    confirmed: true,
  },
  {
    id: 'aas-third',
    label: "AAS's relative L2 error ≤ 1/3 of uniform sampling's",
    relative: { to: { arm: 'uniform' }, factor: 1 / 3 },
    series: { arm: 'aas' },
    source: "research notes next-batches.md B15 (our prediction, not the paper's number)",
    confirmed: false,
  },
];
