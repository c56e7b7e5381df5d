/** Weight-compander figures: test accuracy during training per arm, and the trained effective weights' histogram. */
import type { FigureSpec } from '../../core/figures/spec';

export const figures: FigureSpec[] = [
  {
    id: 'wc-test-acc',
    title: 'Test accuracy during training',
    paperFigure: 'Tables (test accuracy with and without WC)',
    caption:
      'Weight decay alone (baseline) against the same net with every weight reparameterized by the compander, fixed or learned.',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'training iteration', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm'],
    references: ['wc-improves'],
  },
  {
    id: 'wc-histogram',
    title: 'Effective weights after training (all layers)',
    paperFigure: 'Fig. (weight distributions)',
    caption:
      'Density of the trained effective weights. The paper: regularized nets have fewer weights at zero and a wider range around it; the compander pushes small weights away from zero.',
    kind: 'summary',
    x: { source: { kind: 'value', key: 'bin_center' }, label: 'effective weight', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'density' }, label: 'density', scale: 'linear' }],
    lineBy: ['arm'],
    filter: { kind: 'histogram' },
    references: ['wc-fewer-near-zero'],
  },
];
