/**
 * RS2's two comparisons: final accuracy vs subset ratio per method (Fig. 2-style), and accuracy vs
 * training wall-clock time (the time-to-accuracy plot), plus accuracy vs round.
 */
import type { FigureSpec } from '../../core/figures/spec';

const acc = {
  source: { kind: 'value' as const, key: 'test_acc' },
  label: 'test accuracy',
  scale: 'linear' as const,
  percent: true,
};

export const figures: FigureSpec[] = [
  {
    id: 'accuracy-vs-ratio',
    title: 'Final test accuracy vs subset ratio, per method (equal rounds)',
    paperFigure: 'Fig. 2 / Table 2 (accuracy at each selection ratio)',
    caption:
      'RS2 sees a new subset every round and beats a static subset of the same size at every ratio; the full data (ratio 1) is the ceiling.',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'ratio' }, label: 'subset ratio r (per round)', scale: 'log', percent: true },
    y: [{ source: { kind: 'value', key: 'final_acc' }, label: 'final test accuracy', scale: 'linear', percent: true }],
    lineBy: ['arm'],
    references: [
      'cifar-rs2-1',
      'cifar-rs2-5',
      'cifar-rs2-10',
      'cifar-static-1',
      'cifar-static-5',
      'cifar-static-10',
      'cifar-full',
    ],
  },
  {
    id: 'time-to-accuracy',
    title: 'Test accuracy vs training wall-clock time',
    paperFigure: 'Fig. 1 (time-to-accuracy)',
    caption:
      'Small per-round subsets reach a given accuracy sooner than full-data training; evaluation time is excluded.',
    kind: 'curves',
    x: { source: { kind: 'value', key: 'train_seconds' }, label: 'training time (s)', scale: 'log' },
    y: [acc],
    lineBy: ['arm', 'ratio'],
  },
  {
    id: 'accuracy-vs-round',
    title: 'Test accuracy vs round',
    kind: 'curves',
    x: { source: { kind: 'value', key: 'round' }, label: 'round', scale: 'linear' },
    y: [acc],
    lineBy: ['arm', 'ratio'],
  },
];
