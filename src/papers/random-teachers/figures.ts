/** Probing accuracy during distillation per student init, and at the end against α. */
import type { FigureSpec } from '../../core/figures/spec';

export const figures: FigureSpec[] = [
  {
    id: 'rt-knn',
    title: 'k-NN probe accuracy of the embedding during distillation',
    paperFigure: 'probing accuracy of student vs teacher',
    caption:
      'Step 0 of each student is its initial embedding; the teacher (frozen) and raw pixels are flat baselines. The paper: the student ends far above its teacher, and more so when it starts close to it.',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'distillation step', scale: 'linear' },
    y: [
      { source: { kind: 'value', key: 'knn_acc' }, label: 'k-NN probe accuracy (%)', scale: 'linear', percent: true },
    ],
    lineBy: ['arm', 'alpha'],
    references: ['rt-student-beats-teacher'],
  },
  {
    id: 'rt-alpha',
    title: "Final probe accuracy vs the student's distance from the teacher at init",
    paperFigure: 'the local property of the loss landscape (interpolated student inits)',
    caption: 'α = 0 starts the student as a copy of the teacher; α = 1 as an independent random net.',
    kind: 'summary',
    x: {
      source: { kind: 'tag', tag: 'alpha' },
      label: 'α (student init = (1 − α)·teacher + α·random)',
      scale: 'linear',
    },
    y: [
      {
        source: { kind: 'value', key: 'knn_acc' },
        label: 'final k-NN probe accuracy (%)',
        scale: 'linear',
        percent: true,
      },
    ],
    lineBy: ['probe'],
    filter: { probe: 'student' },
    references: ['rt-close-init'],
  },
  {
    id: 'rt-loss',
    title: "DINO loss (cross-entropy to the teacher's targets)",
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'distillation step', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'train_loss' }, label: 'loss', scale: 'linear' }],
    lineBy: ['arm', 'alpha'],
  },
];
