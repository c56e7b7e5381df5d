/**
 * MixtureGrowth's reported claims (abstract; its table values could not be read, next-batches.md §A10),
 * drawn relative to our own runs.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'mg-plus-2pp',
    label: 'MixtureGrowth +2–2.5 pp top-1 over the previous growing methods (CIFAR-100, ImageNet)',
    relative: { to: { arm: 'random_growth' }, offset: 0.02 },
    series: { arm: 'mixturegrowth' },
    source: 'Pham et al. 2024, abstract',
    confirmed: true,
    note: 'The abstract compares with the state-of-the-art growing methods on CIFAR-100/ImageNet, not with random growth on an MLP; the mark sits 2 pp above our random growth as the size of gain the paper reports.',
  },
  {
    id: 'mg-matches-scratch',
    label: 'comparable accuracy to the larger net trained from scratch, with fewer FLOPs',
    relative: { to: { arm: 'scratch' } },
    series: { arm: 'mixturegrowth' },
    source: 'Pham et al. 2024, abstract',
    confirmed: true,
    note: 'Drawn at our scratch net’s accuracy: MixtureGrowth should land near it, to the left (fewer training MACs).',
  },
];
