/**
 * The paper's §4.1 figure: mean squared error of the estimated rare-class probability for each
 * method at each intercept setting (rarer to the right), and the running mean over replications.
 */
import type { FigureSpec } from '../../core/figures/spec';

const mse = {
  source: { kind: 'value' as const, key: 'rare_prob_mse' },
  label: 'MSE of P(y = K | x)',
  scale: 'log' as const,
};

export const figures: FigureSpec[] = [
  {
    id: 'presto-mse',
    title: 'Rare-class probability MSE vs how rare the class is',
    paperFigure: '§4.1, sparse differences (rare-probability MSE)',
    caption:
      'Mean over replications of the squared error of the estimated P(y = K | x) against the true probability, at the training points. The last intercept α_{K−1} sets the rarity: about 1.4%, 0.9% and 0.55% of observations (measured). PRESTO (L1 on adjacent boundary differences, λ by cross-validation) should sit below both proportional odds (too rigid) and logistic regression on the rare class alone (too few events).',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'rare_intercept' }, label: 'last intercept α_{K−1} (rarer →)', scale: 'linear' },
    y: [mse],
    lineBy: ['arm'],
    references: ['presto-below-po-5', 'presto-below-po-5.5', 'presto-below-po-6'],
  },
  {
    id: 'presto-running-mean',
    title: 'Running mean of the MSE over replications',
    caption: 'How the mean settles as replications accumulate: one line per method and intercept setting.',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'replications', scale: 'linear' },
    y: [mse],
    lineBy: ['arm', 'rare_intercept'],
  },
];
