/**
 * Random-pruning figures (notes §3(b); the reference repo's `depth_cf10-1.png` plots the same measure
 * against depth). The recipe emits one summary per network: `{arm: dense|sparse, width, density,
 * layerwise}` with `final_test_acc`, and `gap` (sparse − dense) for sparse networks.
 */
import type { FigureSpec } from '../../core/figures/spec';

const widthAxis = {
  source: { kind: 'tag' as const, tag: 'width' },
  label: 'width multiplier of the hidden layers',
  scale: 'log' as const,
};

export const figures: FigureSpec[] = [
  {
    id: 'rand-gap-vs-width',
    title: 'Sparse − dense test accuracy vs width',
    paperFigure: 'Fig. 1 / repo depth_cf10-1.png (width instead of depth)',
    caption:
      'Each line is one density and layerwise ratio; each point a randomly pruned MLP minus the dense MLP of the same width, trained the same way. The paper: the gap closes as the network grows, and ER (denser small layers) is at least as good as uniform.',
    kind: 'summary',
    filter: { arm: 'sparse' },
    x: widthAxis,
    y: [
      {
        source: { kind: 'value', key: 'gap' },
        label: 'sparse − dense test accuracy (pp)',
        scale: 'linear',
        percent: true,
      },
    ],
    lineBy: ['density', 'layerwise'],
    references: ['rand-gap-closes'],
  },
  {
    id: 'rand-acc-vs-width',
    title: 'Test accuracy vs width, dense and sparse',
    kind: 'summary',
    x: widthAxis,
    y: [
      {
        source: { kind: 'value', key: 'final_test_acc' },
        label: 'final test accuracy (%)',
        scale: 'linear',
        percent: true,
      },
    ],
    lineBy: ['arm', 'density', 'layerwise'],
  },
  {
    id: 'rand-curves',
    title: 'Test accuracy during training',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'training iteration', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['width', 'arm', 'density', 'layerwise'],
  },
];
