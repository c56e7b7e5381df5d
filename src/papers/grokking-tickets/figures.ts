/**
 * Grokking-tickets figures (notes §6(b); the repo's assets/fig1.png): train and test accuracy vs
 * epoch (log x) per arm, and the epoch at which each arm generalizes. The recipe tags metric events
 * `{arm, density}` with `train_acc`, `test_acc`, `weight_norm`, and emits one summary per arm with
 * `generalization_epoch` (first evaluation with test accuracy ≥ prune.generalized_accuracy).
 */
import type { FigureSpec } from '../../core/figures/spec';

const epochs = {
  source: { kind: 'step' as const },
  label: 'epoch (full batch: one step per epoch)',
  scale: 'log' as const,
};

export const figures: FigureSpec[] = [
  {
    id: 'grok-test-acc',
    title: 'Test accuracy vs epoch, per arm',
    paperFigure: 'Fig. 1 (repo assets/fig1.png)',
    caption:
      'Every arm trains until its test accuracy reaches the generalization threshold. The paper: the grokking ticket (magnitude mask from the generalized dense net, reset to init) generalizes several times sooner than the dense net; a random mask at init does not speed it up.',
    kind: 'curves',
    x: epochs,
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm'],
  },
  {
    id: 'grok-train-acc',
    title: 'Train accuracy vs epoch, per arm',
    caption: 'Memorization: train accuracy reaches 100% long before test accuracy does (the grokking delay).',
    kind: 'curves',
    x: epochs,
    y: [{ source: { kind: 'value', key: 'train_acc' }, label: 'train accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm'],
  },
  {
    id: 'grok-gen-epoch',
    title: 'Epoch of generalization per arm',
    caption:
      "One point per arm (x: fraction of weights kept). Arms that never generalized within the budget have no point; the repro table lists them. The mark shows the paper's approximate ticket/dense ratio applied to our dense run.",
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'density' }, label: 'weights kept (%)', scale: 'linear', percent: true },
    y: [{ source: { kind: 'value', key: 'generalization_epoch' }, label: 'epoch of generalization', scale: 'log' }],
    lineBy: ['arm'],
    references: ['grok-ticket-vs-dense'],
  },
  {
    id: 'grok-weight-norm',
    title: 'Weight norm vs epoch, per arm',
    caption:
      "L2 norm of all weight matrices. The norm-matched control starts at the ticket's norm: if it still groks late, a small norm alone does not explain the ticket.",
    kind: 'curves',
    x: epochs,
    y: [{ source: { kind: 'value', key: 'weight_norm' }, label: 'weight L2 norm', scale: 'linear' }],
    lineBy: ['arm'],
  },
];
