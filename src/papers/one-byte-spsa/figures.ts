/** Fine-tuning curves against steps and against bytes sent, and the accuracy/bytes trade-off per arm. */
import type { FigureSpec } from '../../core/figures/spec';

const acc = {
  source: { kind: 'value' as const, key: 'test_acc' },
  label: 'test accuracy on the shifted task (%)',
  scale: 'linear' as const,
  percent: true,
};

export const figures: FigureSpec[] = [
  {
    id: 'obs-accuracy',
    title: 'Fine-tuning on the shifted task',
    caption:
      'Step 0 is the pretrained model. One-byte SPSA should follow float32 SPSA closely; backprop is the ceiling.',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'fine-tuning step', scale: 'linear' },
    y: [acc],
    lineBy: ['arm'],
    references: ['obs-one-byte'],
  },
  {
    id: 'obs-bytes',
    title: 'Accuracy against bytes each machine has sent',
    paperFigure: 'the communication argument of the abstract',
    caption:
      'Cumulative bytes sent per machine (log axis): SPSA moves along the left, a full gradient per step far to the right.',
    kind: 'curves',
    x: { source: { kind: 'value', key: 'bytes_sent' }, label: 'bytes sent per machine', scale: 'log' },
    y: [acc],
    lineBy: ['arm'],
  },
];
