/** What the weight-compander abstract implies across fields, and what our compander families need. */
import type { PaperRule } from '../../core/paper';
import { imageDataRules, trainRules } from '../common/rules';
import type { WeightCompanderConfig } from './schema';

type Rule = PaperRule<WeightCompanderConfig>;

const ABSTRACT = 'Cakaj, Mehnert & Yang 2023, abstract';

export function slopeAtZero(c: WeightCompanderConfig['compander']): number {
  return c.a * c.b + (c.family === 'tanh' ? c.c : 0);
}

const pushesAway: Rule = {
  code: 'weight-compander/slope-at-zero',
  title: 'The compander must push small weights away from zero',
  source: `${ABSTRACT}: the reparameterization restricts the magnitude of the weights "while forcing them away from zero at the same time"`,
  check({ compander: c }) {
    const s = slopeAtZero(c);
    if (s > 1) return [];
    return [
      {
        path: ['compander', 'b'],
        target: 'value',
        severity: 'warning',
        message: `g’s slope at 0 is ${Number(s.toFixed(3))}: at or below 1 it pulls small weights toward zero instead of away from it. Raise a·b${c.family === 'tanh' ? ' + c' : ''} above 1 (our default is 2.25).`,
        fixes: [
          {
            title: 'Use b = 1.5 with a = 1.5',
            edits: [{ kind: 'setValue', path: ['compander', 'b'], value: Math.max(1.5, 1.5 / c.a) }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const withRegularization: Rule = {
  code: 'weight-compander/with-regularization',
  title: 'The compander is added to standard regularization',
  source: `${ABSTRACT}: "using weight compander in addition to standard regularization methods improves the performance"`,
  check({ train }) {
    if ((train.weight_decay ?? 0) > 0) return [];
    return [
      {
        path: ['train', 'weight_decay'],
        target: 'value',
        severity: 'warning',
        message:
          'No weight decay: the paper’s claim is about the compander ON TOP of standard regularization, so the baseline should be regularized too. Our default is 5e-4.',
        fixes: [
          {
            title: 'Use weight decay 5e-4',
            edits: [{ kind: 'setValue', path: ['train', 'weight_decay'], value: 5e-4 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const nearZero: Rule = {
  code: 'weight-compander/near-zero-threshold',
  title: '"Near zero" must be small against the weights’ scale',
  source: `${ABSTRACT}: regularized networks "tend to have a greater range of weights around zero with fewer weights centered at zero"`,
  check({ analysis, model }) {
    // Glorot std of the smallest hidden layer pair: the typical weight scale at initialisation.
    const widths = [784, ...model.hidden, 10];
    const sigma = Math.min(...widths.slice(1).map((w, i) => Math.sqrt(2 / (widths[i] + w))));
    if (analysis.near_zero < sigma / 2) return [];
    return [
      {
        path: ['analysis', 'near_zero'],
        target: 'value',
        severity: 'warning',
        message: `near_zero (${analysis.near_zero}) is not small against the initial weight scale (σ ≈ ${sigma.toFixed(3)}): most weights would count as "near zero" and the share says little. Use less than ${(sigma / 2).toFixed(3)}.`,
        fixes: [
          {
            title: 'Use 0.01',
            edits: [{ kind: 'setValue', path: ['analysis', 'near_zero'], value: 0.01 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const tanhLeak: Rule = {
  code: 'weight-compander/tanh-leak',
  title: 'The tanh family needs its leak to represent every initial weight',
  source: 'Paperlab’s tanh compander g(u) = a·tanh(b·u) + c·u (src/trainer/reparam.ts): with c = 0, |g| < a',
  check({ compander: c }) {
    if (c.family !== 'tanh' || c.c > 0 || c.a > 3) return [];
    return [
      {
        path: ['compander', 'c'],
        target: 'value',
        severity: 'error',
        message: `With c = 0 the tanh compander never exceeds a = ${c.a} (in units of σ), so initial weights beyond ${c.a}σ cannot be represented and training cannot start from the baseline’s weights. Set c > 0 (0.1) or a > 3.`,
        fixes: [
          {
            title: 'Use c = 0.1',
            edits: [{ kind: 'setValue', path: ['compander', 'c'], value: 0.1 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const weightCompanderRules: Rule[] = [
  pushesAway,
  withRegularization,
  nearZero,
  tanhLeak,
  ...imageDataRules,
  ...trainRules,
];
