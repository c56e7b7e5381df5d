/**
 * Inductive bias against the target error (the code's plot), one line per hypothesis space and task;
 * and the sampled errors per space and task as histograms. Events: summaries { arm, dataset, curve:
 * 'bias', factor } with `target`, `bias_nats`; metrics { arm, dataset } with `test_mse` per hypothesis.
 */
import type { FigureSpec } from '../../core/figures/spec';

export const figures: FigureSpec[] = [
  {
    id: 'ib-bias',
    title: 'Inductive bias vs target error',
    paperFigure: 'inductive bias against target error (per task and hypothesis space)',
    caption:
      '−log P(error ≤ ε) in nats under the noncentral χ² fitted to the sampled hypotheses’ test errors, against the target ε (test MSE to one-hot labels). The paper: harder tasks need more inductive bias at the same ε, and neural networks encode much of it — their curve sits below the kernel space’s.',
    kind: 'summary',
    x: { source: { kind: 'value', key: 'target' }, label: 'target test MSE ε', scale: 'log' },
    y: [{ source: { kind: 'value', key: 'bias_nats' }, label: 'inductive bias (nats)', scale: 'log' }],
    lineBy: ['arm', 'dataset'],
    filter: { curve: 'bias' },
    references: ['ib-harder-task'],
  },
  {
    id: 'ib-errors',
    title: 'Test errors of the sampled hypotheses',
    caption:
      'The distribution the inductive bias is read from: each sampled network’s or kernel function’s test MSE, per space and task.',
    kind: 'histogram',
    x: { source: { kind: 'value', key: 'test_mse' }, label: 'test MSE', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'density' }, label: 'density', scale: 'linear' }],
    lineBy: ['arm', 'dataset'],
    histogram: { bins: 30 },
  },
];
