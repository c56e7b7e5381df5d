/** Robust accuracy during training (average and worst class) per arm, and clean accuracy. */
import type { FigureSpec } from '../../core/figures/spec';

const step = { source: { kind: 'step' as const }, label: 'training step', scale: 'linear' as const };
const pctAxis = (key: string, label: string) => ({
  source: { kind: 'value' as const, key },
  label,
  scale: 'linear' as const,
  percent: true,
});

export const figures: FigureSpec[] = [
  {
    id: 'dr-worst-class',
    title: 'Worst-class robust accuracy (PGD on test digits)',
    paperFigure: 'robustness of the weakest class',
    caption:
      'The accuracy under attack of the class the model defends worst. The paper: instance reweighting raises it.',
    kind: 'curves',
    x: step,
    y: [pctAxis('worst_class_robust_acc', 'worst-class robust accuracy (%)')],
    lineBy: ['arm'],
    references: ['dr-weakest'],
  },
  {
    id: 'dr-average',
    title: 'Average robust accuracy and clean accuracy',
    paperFigure: 'average robust performance',
    caption: 'Solid: accuracy under the evaluation PGD; the paper claims reweighting does not lose average robustness.',
    kind: 'curves',
    x: step,
    y: [pctAxis('robust_acc', 'robust accuracy (%)'), pctAxis('test_acc', 'clean accuracy (%)')],
    lineBy: ['arm'],
    references: ['dr-average'],
  },
  {
    id: 'dr-per-class',
    title: 'Final robust accuracy per class',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'class' }, label: 'digit', scale: 'linear' },
    y: [pctAxis('robust_acc', 'robust accuracy (%)')],
    lineBy: ['arm'],
    filter: { stat: 'per_class' },
  },
];
