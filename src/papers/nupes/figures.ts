/**
 * NUPES figures from a run's events: accuracy after quantization against the bit width, one line per
 * quantizer (uniform, power data-free, power data-driven, and float as a flat reference), and the
 * weight reconstruction error against the exponent a at one bit width, one line per layer.
 */
import type { FigureSpec } from '../../core/figures/spec';

export const figures: FigureSpec[] = [
  {
    id: 'nupes-acc-vs-bits',
    title: 'Test accuracy after post-training quantization vs bit width',
    paperFigure: 'Tables (accuracy per bit width)',
    caption:
      'Weights only, no retraining. The power quantizer sgn(w)|w|^a with a searched per layer should stay closer to float than the uniform grid (a = 1) as the bit width falls.',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'bits' }, label: 'weight bits', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm'],
    filter: { kind: 'quantized' },
    references: ['nupes-beats-uniform'],
  },
  {
    id: 'nupes-error-vs-exponent',
    title: 'Weight reconstruction error vs exponent a',
    paperFigure: 'PowerQuant Fig. 2',
    caption:
      'Mean squared error between a layer’s weights and their quantized values at one bit width, for each exponent on the grid. a = 1 is the uniform quantizer; the minimum is the data-free choice.',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'a' }, label: 'exponent a', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'weight_mse' }, label: 'weight MSE', scale: 'log' }],
    lineBy: ['layer'],
    filter: { kind: 'search_curve' },
    references: ['powerquant-a-below-1'],
  },
];
