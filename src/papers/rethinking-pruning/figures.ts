/**
 * Figures of the rethinking-pruning experiment (notes §2(b)): test accuracy vs pruning ratio with one
 * line per regime. The recipe emits one summary per (arm, ratio) with `final_test_acc` and
 * `best_test_acc`; the full model is `{ arm: 'full', ratio: 0 }`. Metric events carry the same tags.
 */
import type { FigureSpec } from '../../core/figures/spec';

const ratioAxis = {
  source: { kind: 'tag' as const, tag: 'ratio' },
  label: 'units pruned per hidden layer (%)',
  scale: 'linear' as const,
  percent: true,
};

export const figures: FigureSpec[] = [
  {
    id: 'rp-acc-vs-ratio',
    title: 'Test accuracy vs pruning ratio: fine-tuned, Scratch-E, Scratch-B',
    paperFigure: '§4 tables (drawn as a plot)',
    caption:
      'Final test accuracy of the small network obtained three ways. The paper: training the pruned architecture from scratch (especially Scratch-B, given the same compute) matches or beats fine-tuning the pruned weights. The point at 0% is the unpruned model.',
    kind: 'summary',
    x: ratioAxis,
    y: [
      {
        source: { kind: 'value', key: 'final_test_acc' },
        label: 'final test accuracy (%)',
        scale: 'linear',
        percent: true,
      },
    ],
    lineBy: ['arm'],
    derive: [{ kind: 'last', key: 'test_acc', as: 'final_test_acc' }],
    references: ['rp-scratch-b-matches-finetune-0.5', 'rp-scratch-b-matches-finetune-0.75'],
  },
  {
    id: 'rp-curves',
    title: 'Test accuracy during training, per regime and ratio',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'iteration (of that run)', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm', 'ratio'],
  },
];
