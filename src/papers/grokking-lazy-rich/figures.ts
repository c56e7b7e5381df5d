/**
 * The authors' Fig. 1 layout: train and test MSE vs step (log x) per α, a flat line for the
 * initial-NTK kernel regression test MSE (emitted by the recipe as its own series), and the kernel–
 * target alignment on a twin axis. A summary figure shows the delay growing with α.
 */
import type { FigureSpec } from '../../core/figures/spec';

/** x = step × η·α²/N: gradient-flow time counted in steps at the paper's η = N/α² (equal to the step when lr = 1). */
const step = {
  source: { kind: 'value' as const, key: 'flow_time' },
  label: "time (steps at the paper's η = N/α²)",
  scale: 'log' as const,
};

export const figures: FigureSpec[] = [
  {
    id: 'test-loss',
    title: 'Test MSE vs step per α, the initial-kernel solution, and kernel–target alignment',
    paperFigure: 'Fig. 1 (notebook cell "Figure 1")',
    caption:
      'The lazy network first follows the initial-kernel solution (the flat line): test loss stays at or above it while the training loss falls. ' +
      "The drop below it comes later, together with a rise in the alignment of the network's kernel with the target; larger α delays it.",
    kind: 'curves',
    x: step,
    y: [
      { source: { kind: 'value', key: 'test_mse' }, label: 'test MSE', scale: 'log' },
      {
        source: { kind: 'value', key: 'alignment_test' },
        label: "kernel–target alignment (test kernel, the notebook's kalignment)",
        scale: 'linear',
      },
    ],
    lineBy: ['arm', 'alpha'],
    references: ['a1-test-10k', 'a1-test-30k', 'a1-test-60k', 'a4-test-30k', 'a05-test-30k', 'a1-test-peak'],
  },
  {
    id: 'train-loss',
    title: 'Train MSE vs step per α',
    paperFigure: 'Fig. 1',
    kind: 'curves',
    x: step,
    y: [{ source: { kind: 'value', key: 'train_mse' }, label: 'train MSE', scale: 'log' }],
    lineBy: ['arm', 'alpha'],
    references: ['a1-train-10k', 'a1-train-30k', 'a4-train-30k', 'a05-train-30k'],
  },
  {
    id: 'alignment',
    title: 'Kernel–target alignment, measured two ways',
    caption:
      "The authors' notebook aligns the test-set NTK with the test targets, removing only the kernel's column means (kalignment); " +
      'the train-set NTK centred on both sides (Cortes et al.) is shown beside it. Both use the same network at each step.',
    kind: 'curves',
    x: step,
    y: [
      { source: { kind: 'value', key: 'alignment_test' }, label: 'test kernel, one-sided (notebook)', scale: 'linear' },
      { source: { kind: 'value', key: 'alignment' }, label: 'train kernel, doubly centred', scale: 'linear' },
    ],
    lineBy: ['arm', 'alpha'],
  },
  {
    id: 'weight-change',
    title: 'Relative weight change ‖W − W₀‖/‖W₀‖ vs step per α',
    caption: 'Lazy training barely moves the weights; the rich (late) phase moves them.',
    kind: 'curves',
    x: step,
    y: [{ source: { kind: 'value', key: 'weight_change' }, label: '‖W − W₀‖ / ‖W₀‖', scale: 'log' }],
    lineBy: ['arm', 'alpha'],
  },
  {
    id: 'final-vs-alpha',
    title: 'Final train and test MSE vs output scale α',
    paperFigure: 'Fig. 3(a)',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'alpha' }, label: 'output scale α', scale: 'log' },
    y: [
      { source: { kind: 'value', key: 'final_test_mse' }, label: 'final test MSE', scale: 'log' },
      { source: { kind: 'value', key: 'final_train_mse' }, label: 'final train MSE', scale: 'log' },
    ],
    lineBy: [],
  },
];
