/** Random-search-sparse figures: accuracy vs node sparsity per arm, and learning curves of one search and one random mask. */
import type { FigureSpec } from '../../core/figures/spec';

export const figures: FigureSpec[] = [
  {
    id: 'rss-acc-vs-sparsity',
    title: 'Final test accuracy vs node sparsity',
    paperFigure: 'performance at different levels of sparsity',
    caption:
      'Mean over the repeats at each sparsity (individual networks in the table). The paper: searched masks are no better than random ones, and much of the dense parent’s accuracy survives high sparsity.',
    kind: 'summary',
    x: {
      source: { kind: 'tag', tag: 'sparsity' },
      label: 'node sparsity (% of hidden units removed)',
      scale: 'linear',
      percent: true,
    },
    y: [
      {
        source: { kind: 'value', key: 'final_test_acc' },
        label: 'final test accuracy (%)',
        scale: 'linear',
        percent: true,
      },
    ],
    lineBy: ['arm'],
    filter: { kind: 'mean' },
    references: ['rss-no-better', 'rss-no-better-90', 'rss-sparse-keeps-performance'],
  },
  {
    id: 'rss-curves',
    title: 'Learning curves: first search vs first random mask',
    paperFigure: 'convergence',
    caption:
      'Test accuracy during training for repeat 1 at every sparsity. The paper: searched masks do not converge faster.',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'training iteration', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm', 'sparsity'],
    filter: { repeat: 0 },
  },
];
