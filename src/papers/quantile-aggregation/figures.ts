/**
 * The paper's comparisons as figures: WIS and interval coverage of each aggregate through the
 * post-processing stages, the loss at each quantile level (where level-dependent weights help), and the
 * learned weights of each base model across levels.
 */
import type { FigureSpec } from '../../core/figures/spec';

export const figures: FigureSpec[] = [
  {
    id: 'qa-stages',
    title: 'WIS and coverage: as aggregated, post-sorted, conformalized',
    paperFigure: 'the comparisons of aggregators with sorting and conformal calibration (34-data-set tables)',
    caption:
      'The four aggregates, mean over replications on the test split. x: 0 = the aggregate as fitted (quantiles may cross), 1 = each point’s quantiles sorted, 2 = sorted and conformally widened on the calibration split. Left axis: weighted interval score (lower is better); right axis: coverage of the central interval. Sorting can only lower the WIS; conformal calibration brings coverage to its nominal level.',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'stage' }, label: 'stage (0 raw · 1 sorted · 2 conformal)', scale: 'linear' },
    y: [
      { source: { kind: 'value', key: 'wis' }, label: 'WIS', scale: 'linear' },
      { source: { kind: 'value', key: 'coverage' }, label: 'interval coverage', scale: 'linear', percent: true },
    ],
    lineBy: ['arm'],
    filter: { panel: 'stages' },
    references: ['qa-sorting-never-hurts', 'qa-notes-level-vs-uniform', 'qa-conformal-coverage'],
  },
  {
    id: 'qa-pinball-by-level',
    title: 'Pinball loss at each quantile level',
    caption:
      'Mean pinball loss of the post-sorted forecasts on the test split, per level τ. Uniform averaging is pulled up where one base model is poor; weights that vary over levels can pick a different model for the tails than for the centre.',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'level' }, label: 'quantile level τ', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'pinball' }, label: 'pinball loss', scale: 'linear' }],
    lineBy: ['arm', 'model'],
    filter: { panel: 'levels' },
  },
  {
    id: 'qa-weights',
    title: 'Learned weight of each base model across quantile levels',
    caption:
      'The level-weighted aggregate’s convex weights (softmax over the four base models at each level, fitted on the validation split), averaged over replications.',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'level' }, label: 'quantile level τ', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'weight' }, label: 'weight', scale: 'linear' }],
    lineBy: ['model'],
    filter: { panel: 'weights' },
  },
  {
    id: 'qa-running-wis',
    title: 'Running mean of the post-sorted WIS over replications',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'replications', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'wis_sorted' }, label: 'WIS (post-sorted)', scale: 'linear' }],
    lineBy: ['arm'],
  },
];
