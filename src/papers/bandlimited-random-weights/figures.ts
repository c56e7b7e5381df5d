/**
 * Test RMSE against width per bandwidth λ (log–log, with the slope fitted over the widest half: a
 * floor shows as a slope near 0), for the high- and low-frequency targets of the example, and the
 * error at the largest width against λ. Events: summaries { arm: 'random_net', frequency, bandwidth,
 * width } with `test_rmse`.
 */
import type { FigureSpec } from '../../core/figures/spec';

const rmse = { source: { kind: 'value' as const, key: 'test_rmse' }, label: 'test RMSE', scale: 'log' as const };
const width = { source: { kind: 'tag' as const, tag: 'width' }, label: 'hidden width d', scale: 'log' as const };

const perFrequency = (k: number, id: string, what: string): FigureSpec => ({
  id,
  title: `Approximation error vs width, sin(2π·${k}x)`,
  paperFigure: 'simulations (toy 1-D regression)',
  caption: `Test RMSE of g(x) = Σ c_j σ(a_j x − b_j) with (a_j, b_j) ~ U[−λ, λ] frozen and c fitted, one line per λ, for the ${what} target. The paper: with a bounded parameter domain the error need not go to zero however wide the net — small-λ lines level off (fitted slope near 0) while a λ matched to the target keeps falling.`,
  kind: 'summary',
  x: width,
  y: [rmse],
  lineBy: ['bandwidth'],
  filter: { frequency: k },
  fit: { model: 'power-law', window: { x: [200, 4000] }, label: 'slope at large width' },
  references: k === 4 ? ['bl-floor'] : [],
});

export const figures: FigureSpec[] = [
  perFrequency(4, 'bl-width-k4', 'high-frequency (k = 4)'),
  perFrequency(1, 'bl-width-k1', 'low-frequency (k = 1)'),
  {
    id: 'bl-lambda',
    title: 'Error of the widest net vs bandwidth λ',
    caption:
      'Test RMSE at width 800 against λ, one line per target frequency. The paper: a suitable assignment of random weights exists but depends on the target — the more complex target needs a wider band.',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'bandwidth' }, label: 'bandwidth λ (a, b ~ U[−λ, λ])', scale: 'log' },
    y: [rmse],
    lineBy: ['frequency'],
    filter: { width: 800 },
  },
];
