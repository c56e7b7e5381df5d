/**
 * The sample complexity n* (samples to reach the target test accuracy) against the number of patches
 * k per model, log–log with fitted slopes (the paper's bounds: CNN Õ(k + d), LCN between Ω(kd) and
 * Õ(k(k + d)), FCN Ω(k²d)); and test accuracy against n at each k. Events: summaries { arm, k, n } with
 * `test_acc`, and { arm, k, curve: 'n_star' } with `n_star`.
 */
import type { FigureSpec } from '../../core/figures/spec';

export const figures: FigureSpec[] = [
  {
    id: 'lws-nstar',
    title: 'Samples needed vs number of patches',
    paperFigure: 'Theorems (sample-complexity bounds)',
    caption:
      'n* = training examples each network needs to reach the target test accuracy on the Dynamic Signal Distribution, against k (patches), with fitted log–log slopes. The paper: CNN O(k + d), LCN Ω(kd) (and O(k(k + d))), FCN Ω(k²d) — so at fixed d the slopes in k should order CNN < LCN < FCN.',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'k' }, label: 'patches k', scale: 'log' },
    y: [{ source: { kind: 'value', key: 'n_star' }, label: 'samples to reach the target accuracy n*', scale: 'log' }],
    lineBy: ['arm'],
    filter: { curve: 'n_star' },
    fit: { model: 'power-law', label: 'slope in k' },
    references: ['lws-order'],
  },
  {
    id: 'lws-acc',
    title: 'Test accuracy vs training examples',
    caption: 'Test accuracy after full-batch training, per network and number of patches k.',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'n' }, label: 'training examples n', scale: 'log' },
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm', 'k'],
  },
];
