/**
 * RS2's two comparisons: final accuracy vs subset ratio per method (Fig. 2-style), and accuracy vs
 * examples seen and vs training CPU time (the time-to-accuracy plot), plus accuracy vs round.
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
    id: 'accuracy-vs-examples',
    title: 'Test accuracy vs training examples seen',
    paperFigure: 'Fig. 1 (time-to-accuracy, in examples)',
    caption:
      "Every arm is evaluated on one schedule of examples seen (6 points per doubling, plus round ends), so where a curve first reaches an accuracy can be compared across arms. Examples seen do not depend on the machine's load.",
    kind: 'curves',
    x: { source: { kind: 'value', key: 'examples_seen' }, label: 'training examples seen', scale: 'log' },
    y: [acc],
    lineBy: ['arm'],
  },
  {
    id: 'time-to-accuracy',
    title: 'Test accuracy vs training CPU time',
    paperFigure: 'Fig. 1 (time-to-accuracy)',
    caption:
      "Small per-round subsets reach a given accuracy sooner than full-data training. CPU seconds of the trainer, evaluation excluded: steadier than wall time on a shared machine, but still the machine's.",
    kind: 'curves',
    x: { source: { kind: 'value', key: 'train_cpu_seconds' }, label: 'training CPU time (s)', scale: 'log' },
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
