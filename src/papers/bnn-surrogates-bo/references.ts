/** The abstract's findings (i)–(iv), read there; listed, not drawn (the paper's regret curves were not read). */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT = 'Li et al. 2024, abstract';

export const references: ReferenceNumber[] = [
  {
    id: 'bo-problem-dependent',
    label: '(i) the ranking of surrogates is highly problem dependent',
    source: ABSTRACT,
    confirmed: true,
  },
  {
    id: 'bo-hmc',
    label: '(ii) HMC is the most successful inference for fully stochastic BNNs',
    source: ABSTRACT,
    confirmed: true,
    note: 'HMC is not planned here.',
  },
  {
    id: 'bo-dkl',
    label: '(iii) deep kernel learning is relatively competitive',
    source: ABSTRACT,
    confirmed: true,
    note: 'Deep kernel learning is not planned here.',
  },
  {
    id: 'bo-nngp-high-dim',
    label: '(iv) infinite-width BNNs are particularly promising, especially in high dimensions',
    series: { arm: 'nngp' },
    source: ABSTRACT,
    confirmed: true,
  },
];
