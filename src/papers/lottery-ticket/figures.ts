/**
 * The Lottery Ticket Hypothesis figures, as the dashboard and `paperlab report` draw them from a
 * run's events (Frankle & Carbin 2019; notes: `/work/shared/papers/pruning-lottery.md` §1(b)).
 * The recipe tags metric events `{ arm, round, density }` and emits one summary per (round, arm)
 * with `early_stop_iter` and `test_acc_at_early_stop`; while a round is still training, the same
 * values are derived from its metrics (early stop = iteration of minimum validation loss, §2).
 */
import type { AxisSpec, FigureSpec, SummaryDerivation } from '../../core/figures/spec';

const weightsRemaining: AxisSpec = {
  source: { kind: 'tag', tag: 'density' },
  label: 'weights remaining (%)',
  scale: 'log',
  percent: true,
  // The paper plots Pm from 100% on the left down to a few percent on the right.
  reverse: true,
};

const earlyStop: SummaryDerivation[] = [
  { kind: 'earlyStop', loss: 'val_loss', stepAs: 'early_stop_iter', values: { test_acc_at_early_stop: 'test_acc' } },
];

export const figures: FigureSpec[] = [
  {
    id: 'lth-fig3',
    title: 'Test accuracy during training, per pruning round',
    paperFigure: 'Fig. 3',
    caption:
      'Test accuracy vs training iteration, one line per % of weights remaining. Winning tickets (solid) keep learning fast as they get sparser; their randomly reinitialised copies (dashed) slow down and lose accuracy.',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'training iteration', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm', 'density'],
  },
  {
    id: 'lth-fig4a-iter',
    title: 'Early-stop iteration vs weights remaining',
    paperFigure: 'Fig. 4a (left)',
    caption:
      'Iteration of minimum validation loss (early stopping) for each round. The paper: winning tickets stop earlier as they are pruned, down to about 21%; reinitialised copies stop later. ▲: the minimum is the last evaluation of that training — the validation loss was still falling, so the true early stop is later (a lower bound).',
    kind: 'summary',
    x: weightsRemaining,
    y: [
      {
        source: { kind: 'value', key: 'early_stop_iter' },
        label: 'early-stop iteration',
        scale: 'linear',
        lowerBoundIf: 'early_stop_at_end',
      },
    ],
    lineBy: ['arm'],
    derive: earlyStop,
    references: ['lth-es-38pct-earlier', 'lth-es-2.51x-faster'],
  },
  {
    id: 'lth-fig4a-acc',
    title: 'Test accuracy at early stop vs weights remaining',
    paperFigure: 'Fig. 4a (right)',
    caption:
      'Test accuracy at the early-stop iteration for each round. The paper: winning tickets match or beat the unpruned network down to about 3.6% of weights; reinitialised copies fall behind from about 21%. ▲: that training ended while its validation loss was still falling, so the net was still improving.',
    kind: 'summary',
    x: weightsRemaining,
    y: [
      {
        source: { kind: 'value', key: 'test_acc_at_early_stop' },
        label: 'test accuracy at early stop (%)',
        scale: 'linear',
        percent: true,
        lowerBoundIf: 'early_stop_at_end',
      },
    ],
    lineBy: ['arm'],
    derive: earlyStop,
    references: [
      'lth-acc-0.5pp-vs-reinit',
      'lth-acc-0.3pp-at-13.5',
      'lth-acc-back-to-dense',
      'lth-reinit-drops',
      'lth-ticket-drops',
    ],
  },
];
