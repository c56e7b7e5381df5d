/**
 * MixtureGrowth figures: test accuracy against cumulative training compute (members first, then the
 * grown arms from where the members ended, scratch from zero), and the final accuracy of each arm
 * at its total compute.
 */
import type { FigureSpec } from '../../core/figures/spec';

const gmacs = {
  source: { kind: 'value' as const, key: 'train_gmacs' },
  label: 'training compute (G MACs, forward + backward)',
  scale: 'linear' as const,
};

export const figures: FigureSpec[] = [
  {
    id: 'mg-acc-vs-compute',
    title: 'Test accuracy vs training compute',
    paperFigure: 'Fig. (accuracy vs FLOPs)',
    caption:
      'Members train first (half width each); the grown nets start where both members ended. MixtureGrowth (new blocks recombine trained templates) should start higher and stay above random growth, and reach the scratch net’s accuracy with less compute.',
    kind: 'curves',
    x: gmacs,
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm'],
  },
  {
    id: 'mg-final',
    title: 'Final test accuracy vs total training compute',
    paperFigure: 'Table (top-1 and FLOPs)',
    caption:
      'One point per arm: its final accuracy at the compute it used in all (members included for the grown arms).',
    kind: 'summary',
    x: gmacs,
    y: [
      {
        source: { kind: 'value', key: 'final_test_acc' },
        label: 'final test accuracy (%)',
        scale: 'linear',
        percent: true,
      },
    ],
    lineBy: ['arm'],
    references: ['mg-plus-2pp', 'mg-matches-scratch'],
  },
];
