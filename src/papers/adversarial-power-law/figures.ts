/**
 * The paper's figures rebuilt from a run: adversarial error vs ε on log–log axes per model (FGSM),
 * per attack on the MLP, the distribution of top-logit gaps, and the clean training curves.
 * Summary events carry `{ arm, attack, eps }` (one point each) and `{ arm, stat: 'gap12', gap }`
 * (histogram bins); fits are `{ arm, attack, stat: 'fit' }` and have no ε, so no figure draws them.
 */
import type { FigureSpec } from '../../core/figures/spec';

const eps = { source: { kind: 'tag' as const, tag: 'eps' }, label: 'ε (ℓ∞, pixel units)', scale: 'log' as const };
const advError = {
  source: { kind: 'value' as const, key: 'adv_error' },
  label: 'adversarial error (%)',
  scale: 'log' as const,
  percent: true,
};

export const figures: FigureSpec[] = [
  {
    id: 'apl-error-vs-eps',
    title: 'FGSM adversarial error vs ε, per model (log–log)',
    paperFigure: 'the power-law figure (error vs ε)',
    caption:
      "A power law is a straight line here; the paper's claim is that the lines of all models are parallel (same exponent) at small ε, though they sit at different heights. The repro table gives each slope with its 95% interval over the fit window.",
    kind: 'summary',
    x: eps,
    y: [advError],
    lineBy: ['arm'],
    filter: { attack: 'fgsm' },
    references: ['apl-universal-exponent'],
  },
  {
    id: 'apl-attacks',
    title: 'Adversarial error vs ε on the MLP, per attack',
    paperFigure: 'attack universality (FGSM, step l.l., PGD)',
    caption: 'Stronger attacks shift the line up; the claim is that its slope stays the same.',
    kind: 'summary',
    x: eps,
    y: [advError],
    lineBy: ['attack'],
    filter: { arm: 'mlp' },
  },
  {
    id: 'apl-logit-gaps',
    title: 'Distribution of the top-logit gap Δ₁₂ on the attacked points',
    paperFigure: 'logit-difference statistics',
    caption:
      'Density of z₍₁₎ − z₍₂₎ in log-spaced bins. A one-step attack flips a point once it closes this gap, so the density near 0 sets the small-ε error.',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'gap' }, label: 'Δ₁₂ (logits)', scale: 'log' },
    y: [{ source: { kind: 'value', key: 'density' }, label: 'density', scale: 'log' }],
    lineBy: ['arm'],
    filter: { stat: 'gap12' },
    references: ['apl-logit-gaps'],
  },
  {
    id: 'apl-training',
    title: 'Clean test accuracy while training',
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'training step', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm'],
  },
];
