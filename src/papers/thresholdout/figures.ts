/**
 * The paper's Fig. 2 as two panels: accuracy on training, holdout and fresh data vs the number of
 * selected features k, for the standard holdout and for Thresholdout. The recipe emits each
 * series tagged with its condition, so each panel filters on it; lines are split by arm and by the set the accuracy was measured on.
 */
import type { FigureSpec } from '../../core/figures/spec';

const x = {
  source: { kind: 'step' as const },
  label: 'number of selected features k (adaptive queries)',
  scale: 'linear' as const,
};

export const figures: FigureSpec[] = [
  {
    id: 'no-signal',
    title: 'No signal: training, holdout and fresh accuracy vs k',
    paperFigure: 'Fig. 2 (left panels)',
    caption:
      'Labels are independent of every feature, so any accuracy above 50% is overfitting. The standard holdout climbs with the training accuracy; Thresholdout stays near the fresh-data accuracy.',
    kind: 'curves',
    x,
    y: [{ source: { kind: 'value', key: 'acc' }, label: 'accuracy', scale: 'linear', percent: true }],
    lineBy: ['arm', 'measured_on'],
    filter: { condition: 'no_signal' },
    references: ['nosig-std-holdout', 'nosig-std-fresh', 'nosig-thr-holdout', 'nosig-thr-fresh'],
  },
  {
    id: 'signal',
    title: 'With signal: training, holdout and fresh accuracy vs k',
    paperFigure: 'Fig. 2 (right panels)',
    caption:
      'A few features carry real signal. The standard holdout still over-reports; Thresholdout tracks the fresh-data accuracy while keeping the real gain.',
    kind: 'curves',
    x,
    y: [{ source: { kind: 'value', key: 'acc' }, label: 'accuracy', scale: 'linear', percent: true }],
    lineBy: ['arm', 'measured_on'],
    filter: { condition: 'signal' },
    references: ['sig-std-holdout', 'sig-std-fresh', 'sig-thr-holdout', 'sig-thr-fresh'],
  },
];
