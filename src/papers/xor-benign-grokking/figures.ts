/** The paper's headline as one figure: train and clean-test accuracy vs GD step (log x, from step 1). */
import type { FigureSpec } from '../../core/figures/spec';

export const figures: FigureSpec[] = [
  {
    id: 'accuracy',
    title: 'Train (noisy labels), clean test and flipped-label accuracy vs step',
    paperFigure: 'Fig. 1 (train/test accuracy vs step)',
    caption:
      'After one step the network fits every training label, flipped ones included, yet is near chance on clean test data (benign overfitting, catastrophic at first). ' +
      'Later the test accuracy climbs to near 100% while the flipped labels stay fitted: grokking without giving up the memorized noise.',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'gradient descent step', scale: 'log' },
    y: [{ source: { kind: 'value', key: 'acc' }, label: 'accuracy', scale: 'linear', percent: true }],
    lineBy: ['measured_on'],
    references: ['train-step1', 'test-step1', 'test-step10', 'test-step100', 'test-step500'],
  },
  {
    id: 'loss',
    title: 'Training logistic loss vs step',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'gradient descent step', scale: 'log' },
    y: [{ source: { kind: 'value', key: 'loss' }, label: 'train logistic loss', scale: 'log' }],
    lineBy: ['measured_on'],
    filter: { measured_on: 'train' },
  },
];
