/**
 * The README's result tables (mean over seeds), read in LiheYoung/ShrinkMatch README.md. Not drawn yet:
 * Paperlab cannot train this paper, so there is no figure to mark them on.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

const README = 'LiheYoung/ShrinkMatch README.md, results tables (mean over seeds)';
const ours = 'CIFAR, SVHN and STL-10 with Wide ResNets; ours would be an MLP on Fashion-MNIST.';

export const references: ReferenceNumber[] = [
  {
    id: 'sm-cifar10-40',
    label: 'CIFAR-10 @40 labels: ShrinkMatch 94.92% vs SimMatch 94.39%',
    y: 0.9492,
    series: { arm: 'shrinkmatch' },
    source: README,
    confirmed: true,
    note: ours,
  },
  {
    id: 'sm-cifar100-400',
    label: 'CIFAR-100 @400 labels: ShrinkMatch 64.64% vs SimMatch 62.19%',
    y: 0.6464,
    series: { arm: 'shrinkmatch' },
    source: README,
    confirmed: true,
    note: ours,
  },
  {
    id: 'sm-svhn-40',
    label: 'SVHN @40 labels: ShrinkMatch 97.49% vs FixMatch 96.19%',
    y: 0.9749,
    series: { arm: 'shrinkmatch' },
    source: README,
    confirmed: true,
    note: ours,
  },
  {
    id: 'sm-svhn-40-fixmatch',
    label: 'SVHN @40 labels: FixMatch 96.19%',
    y: 0.9619,
    series: { arm: 'fixmatch' },
    source: README,
    confirmed: true,
    note: ours,
  },
  {
    id: 'sm-stl10-40',
    label: 'STL-10 @40 labels: ShrinkMatch 85.98% vs FlexMatch 70.85%',
    y: 0.8598,
    series: { arm: 'shrinkmatch' },
    source: README,
    confirmed: true,
    note: ours,
  },
];
