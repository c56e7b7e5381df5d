/**
 * The laziness measures against the initial rank (the paper's RNN figures plot them per rank): weight
 * change ‖ΔW_rec‖_F / ‖W₀‖_F, and 1 − alignment for the tangent kernel and the representation; the
 * aligned rank-1 arm is a separate point at r = 1. And the training loss per arm. Events: summaries
 * { arm, rank } with `rel_weight_change`, `kernel_alignment`, `rep_alignment`; metrics with `train_loss`.
 */
import type { FigureSpec } from '../../core/figures/spec';

const rank = { source: { kind: 'tag' as const, tag: 'rank' }, label: 'initial rank r of W_rec', scale: 'log' as const };

export const figures: FigureSpec[] = [
  {
    id: 'cr-weight-change',
    title: 'Weight change vs initial rank',
    paperFigure: 'RNN simulations (weight change per initial rank)',
    caption:
      '‖W_rec(T) − W_rec(0)‖_F / ‖W_rec(0)‖_F after training, per initial rank (all ranks share the Frobenius norm of one random draw). The paper: higher rank → smaller change (lazier); low rank → richer, unless aligned with the task (the separate point).',
    kind: 'summary',
    x: rank,
    y: [{ source: { kind: 'value', key: 'rel_weight_change' }, label: '‖ΔW_rec‖ / ‖W₀‖', scale: 'log' }],
    lineBy: ['arm'],
    references: ['cr-rich-low-rank'],
  },
  {
    id: 'cr-alignment',
    title: 'Tangent-kernel and representation alignment vs initial rank',
    paperFigure: 'RNN simulations (kernel and representation alignment per initial rank)',
    caption:
      'cos(K₀, K_T) of the tangent kernel w.r.t. W_rec and of the decision-step representation Gram matrix, before vs after training. Lazy learning keeps both near 1; the paper finds lower alignment (richer) at low rank.',
    kind: 'summary',
    x: rank,
    y: [
      { source: { kind: 'value', key: 'kernel_alignment' }, label: 'tangent-kernel alignment', scale: 'linear' },
      { source: { kind: 'value', key: 'rep_alignment' }, label: 'representation alignment', scale: 'linear' },
    ],
    lineBy: ['arm'],
  },
  {
    id: 'cr-loss',
    title: 'Training loss',
    caption:
      'Cross-entropy over every step of the trial (mean since the previous point), per arm and initial rank: every arm must learn the task for its laziness to mean anything.',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'SGD step', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'train_loss' }, label: 'training loss', scale: 'log' }],
    lineBy: ['arm', 'rank'],
  },
];
