/**
 * Figures of the weight-matching experiment (notes §9(b), plots 1–3). The recipe emits summary events:
 *   { arm: naive|permuted, lambda }          → train/test loss and accuracy at θ(λ)
 *   { arm: permuted, layer }                 → ‖θA − θB‖, ‖θA − π(θB)‖ and their ratio per layer
 *   { arm: naive|permuted, layer, rank }     → |cos| of A's and B's singular vectors at that rank
 * and metric events { arm: model_a|model_b } while the two models train.
 */
import type { FigureSpec } from '../../core/figures/spec';

export const figures: FigureSpec[] = [
  {
    id: 'wm-loss-path',
    title: 'Loss along the linear path, naive vs permuted',
    paperFigure: 'Ito et al. Fig. (loss barrier); git re-basin Fig. 2',
    caption:
      'Test loss at θ(λ) = (1−λ)θ_A + λθ_B. Naive: B as trained. Permuted: B with its hidden units permuted by weight matching — the same function as B. The barrier is the largest rise above the straight chord between the end points.',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'lambda' }, label: 'λ (0 = model A, 1 = model B)', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'test_loss' }, label: 'test loss', scale: 'linear' }],
    lineBy: ['arm'],
    references: ['wm-permuted-barrier-zero'],
  },
  {
    id: 'wm-acc-path',
    title: 'Accuracy along the linear path, naive vs permuted',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'lambda' }, label: 'λ (0 = model A, 1 = model B)', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm'],
  },
  {
    id: 'wm-distance-ratio',
    title: 'L2 distance after matching / before, per layer',
    caption:
      'Ratio ‖θ_A − π(θ_B)‖ / ‖θ_A − θ_B‖ for each layer (weights and biases). Ito et al.: matching removes the barrier while barely shortening the distance.',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'layer' }, label: 'layer (0 = input side)', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'distance_ratio' }, label: 'distance ratio', scale: 'linear' }],
    lineBy: ['arm'],
    references: ['wm-distance-barely-reduced'],
  },
  {
    id: 'wm-singular-alignment',
    title: 'Alignment of singular vectors vs singular-value rank',
    caption:
      "|cos| between the rank-r left singular vectors (output-unit side) of A's and B's weight matrices, per layer, before and after matching. Ito et al.: matching aligns the directions with large singular values (low rank index); small ones stay unaligned. The output layer's output units are the classes, which are never permuted, so its curves do not move.",
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'rank' }, label: 'singular-value rank (0 = largest)', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'cos_left' }, label: '|cos| of matched singular vectors', scale: 'linear' }],
    lineBy: ['arm', 'layer'],
  },
  {
    id: 'wm-training',
    title: 'Training the two end points',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'training iteration', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm'],
  },
];
