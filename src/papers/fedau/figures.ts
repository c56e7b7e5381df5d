/** Test accuracy of the global model per weighting, against rounds and against bytes uploaded. */
import type { FigureSpec } from '../../core/figures/spec';

const acc = {
  source: { kind: 'value' as const, key: 'test_acc' },
  label: 'test accuracy of the global model (%)',
  scale: 'linear' as const,
  percent: true,
};

export const figures: FigureSpec[] = [
  {
    id: 'fedau-accuracy',
    title: 'Global model accuracy per aggregation weighting',
    paperFigure: 'accuracy vs iterations (Bernoulli participation)',
    caption:
      'Same clients, same participation pattern, same data order in every arm: only the aggregation weights differ. FedAU should close most of the gap between FedAvg and the oracle that knows each participation probability.',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'round', scale: 'linear' },
    y: [acc],
    lineBy: ['arm'],
    references: ['fedau-beats-fedavg'],
  },
  {
    id: 'fedau-bytes',
    title: 'Accuracy against bytes uploaded per client',
    caption: 'Mean bytes a client has uploaded (its model updates); the weighting adds nothing on the wire.',
    kind: 'curves',
    x: { source: { kind: 'value', key: 'bytes_per_client' }, label: 'bytes uploaded per client (mean)', scale: 'log' },
    y: [acc],
    lineBy: ['arm'],
  },
];
