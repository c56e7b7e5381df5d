/**
 * The figures: excess risk against labelled samples n (pretrained vs supervised, log–log with fitted
 * slopes), and the pretrained model's excess risk against unlabelled samples m at fixed n. The recipe
 * emits summary events tagged { arm, sweep: 'n' | 'm', n, m }.
 */
import type { FigureSpec } from '../../core/figures/spec';

const excess = {
  source: { kind: 'value' as const, key: 'excess' },
  label: 'excess test risk (MSE − Bayes)',
  scale: 'log' as const,
};

export const figures: FigureSpec[] = [
  {
    id: 'up-excess-vs-n',
    title: 'Excess risk vs labelled samples',
    caption:
      'Downstream excess risk after PCA pretraining on m unlabelled samples, of ridge regression on x alone, and of the same downstream fit on the true factor subspace (m = ∞), against n. The paper: O(C_Φ/m + C_Ψ/n) with pretraining vs O(C_{Φ∘Ψ}/n) without — the pretrained line sits lower while m ≫ n and flattens where C_Φ/m takes over; the m = ∞ line shows the C_Ψ/n term alone. Thin lines listed as "fit": power-law fits over the slope window.',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'n' }, label: 'labelled samples n', scale: 'log' },
    y: [excess],
    lineBy: ['arm'],
    filter: { sweep: 'n' },
    fit: { model: 'power-law', window: { x: [50, 1000] }, label: 'exponent of n' },
    references: ['up-rate-n'],
  },
  {
    id: 'up-excess-vs-m',
    title: 'Pretrained excess risk vs unlabelled samples',
    caption:
      'The pretrained model at fixed n, against the number of unlabelled samples m used by PCA. The paper: the pretraining term is O(C_Φ/m); the C_Ψ/n term is the floor it approaches.',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'm' }, label: 'unlabelled samples m', scale: 'log' },
    y: [excess],
    lineBy: ['arm'],
    filter: { sweep: 'm' },
    fit: { model: 'power-law', window: { x: [100, 2000] }, label: 'exponent of m' },
    references: ['up-rate-m'],
  },
];
