/**
 * What Cubuk et al. report, as far as it was read. Only the abstract could be read (next-batches.md
 * A11: the paper's tables and figures were not reachable), so the confirmed claims are qualitative;
 * the exponent's value is a recollection and is marked unconfirmed.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'apl-universal-exponent',
    label: 'adversarial error grows as a power of ε with the same exponent for every model and attack',
    source: 'Cubuk et al. 2017, abstract',
    confirmed: true,
    note: 'MNIST, CIFAR10, ImageNet and random data; state-of-the-art, linear, adversarially trained and shuffled-label models; FGSM, step l.l. and PGD.',
  },
  {
    id: 'apl-logit-gaps',
    label: 'the statistics of the logit differences do not change significantly during training and set the scaling',
    source: 'Cubuk et al. 2017, abstract',
    confirmed: true,
  },
  {
    id: 'apl-exponent-one',
    label: 'exponent ≈ 1 at small ε',
    y: 1,
    source: 'recalled in shared/papers/next-batches.md A11, not read in the paper',
    confirmed: false,
    note: 'A recollection the notes ask to confirm before use: shown for orientation only.',
  },
];
