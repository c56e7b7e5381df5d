/** Layer-lottery figures: accuracy change vs blocks removed per criterion (Table 2), CPU speed-up per step, training curves. */
import type { FigureSpec } from '../../core/figures/spec';

const STANDIN = 'A residual MLP on Fashion-MNIST stands in for ResNet32 on CIFAR-10.';
const p = {
  source: { kind: 'tag' as const, tag: 'blocks_removed' },
  label: 'p (residual blocks removed)',
  scale: 'linear' as const,
};

export const figures: FigureSpec[] = [
  {
    id: 'll-delta',
    title: 'Accuracy change vs blocks removed at initialization',
    paperFigure: 'Table 2',
    caption: `${STANDIN} Final test accuracy minus the full net’s, per criterion; the unit-pruning control at the same FLOPs. Paper marks: its ResNet32 Δ values.`,
    kind: 'summary',
    x: p,
    y: [
      {
        source: { kind: 'value', key: 'delta_vs_full' },
        label: 'Δ test accuracy vs full net (pp)',
        scale: 'linear',
        percent: true,
      },
    ],
    lineBy: ['arm', 'criterion'],
    references: [
      'll-grasp-p1',
      'll-grasp-p2',
      'll-grasp-p3',
      'll-grasp-p4',
      'll-grasp-p5',
      'll-snip-p1',
      'll-snip-p2',
      'll-snip-p3',
      'll-snip-p4',
      'll-snip-p5',
      'll-filter-worse',
    ],
  },
  {
    id: 'll-speedup',
    title: 'Training speed-up vs blocks removed (CPU time per step)',
    paperFigure: 'Table 4 (speed-up)',
    caption: `${STANDIN} Full net’s CPU time per step ÷ the pruned net’s, measured in this machine’s trainer process (the FLOPs saved are in the repro table).`,
    kind: 'summary',
    x: p,
    y: [{ source: { kind: 'value', key: 'speedup_cpu' }, label: 'speed-up (CPU time per step)', scale: 'linear' }],
    lineBy: ['arm', 'criterion'],
  },
  {
    id: 'll-curves',
    title: 'Test accuracy during training',
    caption: `${STANDIN} Every pruned net starts from the full net’s initial weights of the blocks it keeps.`,
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'training iteration', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm', 'criterion', 'blocks_removed'],
  },
];
