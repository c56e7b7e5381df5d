/**
 * Hoffer et al.'s figures at our scale: validation error vs epochs and vs updates (Fig. 1/Table 1's
 * comparison), the distance ‖w_t − w_0‖ vs updates on a log axis (Fig. 2: it grows like log t, the
 * "random walk on a random landscape"), and the final error per arm with Table 1's ratios placed
 * relative to our small-batch baseline (their absolute numbers are for MNIST/CIFAR, not our data).
 */
import type { FigureSpec } from '../../core/figures/spec';

const err = {
  source: { kind: 'value' as const, key: 'test_err' },
  label: 'validation error',
  scale: 'linear' as const,
  percent: true,
};

export const figures: FigureSpec[] = [
  {
    id: 'error-vs-epoch',
    title: 'Validation error vs epoch, per arm',
    paperFigure: 'Fig. 1 / Table 1 setting',
    caption:
      'At equal epochs the large batch makes B/b times fewer updates and ends worse; √ LR and ghost BN narrow the gap; regime adaptation trains B/b times longer.',
    kind: 'curves',
    x: { source: { kind: 'value', key: 'epoch' }, label: 'epoch', scale: 'linear' },
    y: [err],
    lineBy: ['arm'],
  },
  {
    id: 'error-vs-updates',
    title: 'Validation error vs number of updates, per arm',
    caption: 'Counted in updates the arms line up much better: what large batches lack is updates, not data.',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'updates (optimizer steps)', scale: 'log' },
    y: [err],
    lineBy: ['arm'],
  },
  {
    id: 'distance-vs-updates',
    title: '‖w_t − w_0‖ vs updates (log x)',
    paperFigure: 'Fig. 2',
    caption:
      "The paper's argument: the weights drift from their initialization like a random walk on a random potential, ‖w_t − w_0‖ ~ log t — a straight line on this log-x axis.",
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'updates (log)', scale: 'log' },
    y: [{ source: { kind: 'value', key: 'weight_dist' }, label: '‖w_t − w_0‖', scale: 'linear' }],
    lineBy: ['arm'],
  },
  {
    id: 'final-error-per-arm',
    title: 'Final validation error per arm (0 sb · 1 lb · 2 +√LR · 3 +GBN · 4 +RA)',
    paperFigure: 'Table 1',
    caption:
      "Marks: the paper's error ratios to its small-batch error (Table 1, unconfirmed), placed on our small-batch error.",
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'arm_index' }, label: 'arm (Table 1 order)', scale: 'linear' },
    y: [
      {
        source: { kind: 'value', key: 'final_test_err' },
        label: 'final validation error',
        scale: 'linear',
        percent: true,
      },
    ],
    lineBy: ['arm'],
    references: ['mnist-lb', 'mnist-gbn', 'mnist-ra', 'cifar-lb', 'cifar-lr', 'cifar-gbn', 'cifar-ra'],
  },
];
