/**
 * The paper's values could not be read (only its abstract and code). What the abstract states is
 * qualitative, drawn as a relative mark: at the reference target the harder task (Fashion-MNIST)
 * needs more inductive bias than MNIST in the same hypothesis space.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'ib-harder-task',
    label: 'the harder task needs more bias: Fashion-MNIST above MNIST (networks)',
    relative: { to: { arm: 'nn', dataset: 'mnist' } },
    series: { arm: 'nn', dataset: 'fashion-mnist' },
    source: 'Boopathy et al. 2024, abstract ("higher dimensional tasks require greater inductive bias")',
    confirmed: false,
    note: 'A direction, not a value; that Fashion-MNIST is the "higher dimensional" task of the two is our reading, not the paper’s.',
  },
];
