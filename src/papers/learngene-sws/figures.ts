/** Descendants' accuracy after tuning against their depth per init; the learning curves of every net. */
import type { FigureSpec } from '../../core/figures/spec';

export const figures: FigureSpec[] = [
  {
    id: 'sws-depths',
    title: 'Descendant test accuracy after tuning, by depth and init',
    paperFigure: 'variable-sized models initialised from the learngene',
    caption:
      "Each descendant has the learngene's stages, with more blocks per stage. SWS copies each stage's shared block into every block of that stage; the paper: better than from scratch, sometimes after one epoch.",
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'depth' }, label: 'blocks (depth)', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm'],
    filter: { stat: 'descendant' },
    references: ['sws-beats-scratch', 'sws-one-epoch'],
  },
  {
    id: 'sws-curves',
    title: 'Test accuracy while training (teacher, auxiliary nets, descendants)',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'step', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm', 'depth'],
  },
];
