/**
 * What Sarnthein et al. report, as far as it was read: the abstract and the official code (no table
 * value could be read, next-batches.md A8), so the claims are relative and drawn as such.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'rt-student-beats-teacher',
    label: 'the distilled student probes far better than its random teacher',
    source:
      'Sarnthein et al. 2023, abstract ("a strong improvement of the distilled student over its teacher in terms of probing accuracy")',
    confirmed: true,
  },
  {
    id: 'rt-close-init',
    label: 'feature learning is strongly amplified when the student starts close to the teacher',
    source: 'Sarnthein et al. 2023, abstract',
    confirmed: true,
  },
  {
    id: 'rt-protocol',
    label: 'probing on CIFAR10, mean ± std over three runs, Adam η = 0.001',
    source: 'Sarnthein et al. 2023, experimental setup (quoted by the ri.k117 reproducibility extract)',
    confirmed: true,
  },
];
