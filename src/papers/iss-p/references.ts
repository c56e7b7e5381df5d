/**
 * ISS-P's claims (abstract; its PSNR tables are for super-resolution and not comparable with
 * classification accuracy: next-batches.md §A3), drawn relative to our runs.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'issp-beats-iht',
    label: 'ISS-P trains better sparse networks than hard thresholding (SR: higher PSNR)',
    x: 0.99,
    relative: { to: { arm: 'iht' } },
    series: { arm: 'iss_p' },
    source: 'Wang et al. 2023, abstract and §4 (super-resolution)',
    confirmed: true,
    note: 'Transplanted: the paper measures PSNR of super-resolution models; the mark sits on our IHT at 99% and ISS-P should land above it.',
  },
  {
    id: 'issp-gradient',
    label: 'ISS-P "preserve[s] the sparse model’s trainability by yielding a more regularized gradient throughput"',
    source: 'Wang et al. 2023, abstract',
    confirmed: true,
    note: 'Qualitative: compare the gradient-norm curves of ISS-P and IHT during the pruning phase.',
  },
];
