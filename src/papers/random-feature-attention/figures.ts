/**
 * Test error against sample size per model, log–log with fitted slopes, one figure per target.
 * Events: summaries { arm, target, n } with `test_mse` (relative to the target's variance).
 */
import type { FigureSpec } from '../../core/figures/spec';

const per = (target: string, title: string, what: string): FigureSpec => ({
  id: `rfa-${target}`,
  title,
  paperFigure: 'simulations (sample size vs test error)',
  caption: `Test MSE ÷ target variance against training examples n, for ${what}. rfa: random query–key matrices (zero mean), trained values; rfa biased: query–key matrices with a non-zero mean; rf mlp: a two-layer random-feature network on the concatenated input with the same number of features. The paper: the attention layer needs fewer samples than the random-feature MLP, and a non-zero mean helps for natural query–key targets.`,
  kind: 'summary',
  x: { source: { kind: 'tag', tag: 'n' }, label: 'training examples n', scale: 'log' },
  y: [{ source: { kind: 'value', key: 'test_mse' }, label: 'test MSE / Var(target)', scale: 'log' }],
  lineBy: ['arm'],
  filter: { target },
  fit: { model: 'power-law', label: 'slope' },
  references: target === 'qk_square' ? ['rfa-beats-mlp', 'rfa-bias-helps'] : [],
});

export const figures: FigureSpec[] = [
  per('qk_square', 'Sample complexity: (1/N) Σ (√d⟨x₀, x_i⟩)²', 'a query–key target'),
  per('keys_square', 'Sample complexity: (1/N) Σ (√d⟨β, x_i⟩)²', 'a target of the keys alone'),
  per('qk_cube', 'Sample complexity: (1/N) Σ (√d⟨x₀, x_i⟩)³', 'an odd query–key target'),
];
