/** ExSSNeT figures: the accuracy matrix per method, final accuracy per task, and each task's training curve. */
import type { FigureSpec } from '../../core/figures/spec';

export const figures: FigureSpec[] = [
  {
    id: 'exssnet-matrix',
    title: 'Accuracy on each task after learning each task',
    paperFigure: 'accuracy matrix (forgetting)',
    caption:
      'Row i: after learning task i; column j: test accuracy on task j with its own mask. SupSup and ExSSNeT never change what an earlier task uses (no forgetting down a column); SSNeT can.',
    kind: 'matrix',
    row: { source: { kind: 'tag', tag: 'after_task' }, label: 'after task', scale: 'linear' },
    x: { source: { kind: 'tag', tag: 'task' }, label: 'task', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm'],
    filter: { kind: 'matrix' },
    references: ['exssnet-no-forgetting'],
  },
  {
    id: 'exssnet-average',
    title: 'Average accuracy after the last task vs mask density',
    paperFigure: 'average accuracy vs sparsity',
    caption:
      'One point per method and density (run a density sweep to draw lines). The paper: ExSSNeT’s gain over SupSup is largest for sparse masks (2–10% of the weights).',
    kind: 'summary',
    x: {
      source: { kind: 'tag', tag: 'density' },
      label: 'mask density (% of weights kept per task)',
      scale: 'log',
      percent: true,
    },
    y: [
      {
        source: { kind: 'value', key: 'average_accuracy' },
        label: 'average accuracy (%)',
        scale: 'linear',
        percent: true,
      },
    ],
    lineBy: ['arm'],
    filter: { kind: 'arm' },
    references: ['exssnet-plus-8.3'],
  },
  {
    id: 'exssnet-final',
    title: 'Final accuracy per task (after the last task)',
    paperFigure: 'Tables (average accuracy)',
    caption: 'Test accuracy of every task at the end of the stream, per method.',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'task' }, label: 'task', scale: 'linear' },
    y: [
      { source: { kind: 'value', key: 'test_acc' }, label: 'final test accuracy (%)', scale: 'linear', percent: true },
    ],
    lineBy: ['arm'],
    filter: { kind: 'final' },
    references: [
      'exssnet-plus-8.3',
      'supsup-nb-task0',
      'supsup-nb-task1',
      'supsup-nb-task2',
      'supsup-nb-task3',
      'supsup-nb-task4',
    ],
  },
  {
    id: 'exssnet-curves',
    title: 'Current-task test accuracy during each phase',
    caption: 'Mask phase then weight phase, per task (steps restart at each task and phase).',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'step within the phase', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm', 'task', 'phase'],
  },
];
