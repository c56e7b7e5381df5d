/**
 * What Wang & Ji report, as far as it was read: the abstract's claims and the official code's setup
 * (IBM/fedau README, config.py, main.py, util.py). The paper's accuracy tables were not read, so no
 * absolute number is drawn.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'fedau-beats-fedavg',
    label: 'FedAU improves on FedAvg when participation is heterogeneous and unknown',
    source:
      'Wang & Ji 2024, abstract ("experimental results also verify the advantage of FedAU over baseline methods")',
    confirmed: true,
  },
  {
    id: 'fedau-converges',
    label: 'FedAU converges to an optimal solution of the original objective, with linear speedup',
    source: 'Wang & Ji 2024, abstract',
    confirmed: true,
  },
  {
    id: 'fedau-lightweight',
    label:
      'no extra memory per client beyond its interval statistics (variance-reduction methods store a model update per client)',
    source: 'Wang & Ji 2024, abstract; IBM/fedau main.py (fedvarp/mifa keep update_per_node)',
    confirmed: true,
  },
];
