/**
 * What the adversarial-power-law setting implies across fields. The paper's own statements used here
 * are from its abstract (the power law is in the size of the perturbation and universal across models
 * and attacks); the window and grid checks follow from fitting a line in log–log over a window of
 * error levels (shared/papers/next-batches.md A11, whose thresholds are ours).
 */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { fmtInt, imageDataRules, pct, trainRules } from '../common/rules';
import type { AdversarialPowerLawConfig } from './schema';

type Rule = PaperRule<AdversarialPowerLawConfig>;

const ABSTRACT =
  'Cubuk et al. 2017, abstract ("adversarial error having a universal scaling, as a power-law, with respect to the size of the adversarial perturbation")';

const epsOrder: Rule = {
  code: 'adversarial-power-law/eps-order',
  title: 'The ε sweep must go from small to large',
  source: ABSTRACT,
  check({ attack: a }) {
    if (a.eps_min < a.eps_max) return [];
    return [
      {
        path: ['attack', 'eps_min'],
        target: 'value',
        severity: 'error',
        message: `eps_min (${a.eps_min}) must be below eps_max (${a.eps_max}): the power law is read off error against ε over a range of ε.`,
        fixes: [
          {
            title: 'Sweep from 0.001 (the usual start)',
            edits: [{ kind: 'setValue', path: ['attack', 'eps_min'], value: 0.001 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const smallEps: Rule = {
  code: 'adversarial-power-law/small-eps',
  title: 'The power law is a small-ε law: start the sweep at small ε',
  source: `${ABSTRACT}; the fit window of shared/papers/next-batches.md A11 (1–30% error)`,
  check({ attack: a }) {
    if (a.eps_min <= 0.01) return [];
    return [
      {
        path: ['attack', 'eps_min'],
        target: 'value',
        severity: 'warning',
        message: `The sweep starts at ε = ${a.eps_min}. On MNIST a one-step attack already flips several percent of the digits near ε = 0.01, so a sweep starting higher has few points in the power-law regime and fits the saturated part. Start at ε ≤ 0.001.`,
        fixes: [
          {
            title: 'Start at ε = 0.001',
            edits: [{ kind: 'setValue', path: ['attack', 'eps_min'], value: 0.001 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const fitWindow: Rule = {
  code: 'adversarial-power-law/fit-window',
  title: 'The fit window must be a range of small error levels',
  source:
    'a power law in ε is fitted where the error is well above counting noise and below saturation (next-batches.md A11)',
  check({ attack: a, data }) {
    if (a.fit_min_error >= a.fit_max_error)
      return [
        {
          path: ['attack', 'fit_min_error'],
          target: 'value',
          severity: 'error',
          message: `fit_min_error (${a.fit_min_error}) must be below fit_max_error (${a.fit_max_error}).`,
        },
      ];
    const out: RuleFinding[] = [];
    if (a.fit_max_error > 0.5)
      out.push({
        path: ['attack', 'fit_max_error'],
        target: 'value',
        severity: 'warning',
        message: `A window up to ${pct(a.fit_max_error)} error includes the saturating part of the curve (the error cannot pass 100%), which bends the log–log line and lowers the exponent. Keep it at 30% or below.`,
        fixes: [
          {
            title: 'Fit up to 30% error',
            edits: [{ kind: 'setValue', path: ['attack', 'fit_max_error'], value: 0.3 }],
            preferred: true,
          },
        ],
      });
    const flips = a.fit_min_error * data.test;
    if (flips < 5)
      out.push({
        path: ['attack', 'fit_min_error'],
        target: 'value',
        severity: 'warning',
        message: `At ${pct(a.fit_min_error)} of ${fmtInt(data.test)} attacked points, the lowest point of the window rests on ${flips < 1 ? 'less than one' : `about ${Math.round(flips)}`} flipped example${flips >= 1.5 ? 's' : ''}: too noisy for a log–log fit. Raise fit_min_error or attack more points (data.test).`,
      });
    return out;
  },
};

const gridDensity: Rule = {
  code: 'adversarial-power-law/grid-density',
  title: 'Enough ε per decade for a slope',
  source:
    'a slope with a confidence interval needs several points inside the window (next-batches.md A11: 15 log-spaced ε in [1e-3, 0.3])',
  check({ attack: a }) {
    if (a.eps_min >= a.eps_max) return [];
    const decades = Math.log10(a.eps_max / a.eps_min);
    const perDecade = (a.eps_count - 1) / decades;
    if (perDecade >= 2.5) return [];
    const want = Math.ceil(2.5 * decades) + 1;
    return [
      {
        path: ['attack', 'eps_count'],
        target: 'value',
        severity: 'warning',
        message: `${a.eps_count} values of ε over ${decades.toFixed(1)} decades is ${perDecade.toFixed(1)} per decade: a window spanning one decade of ε would hold only 2–3 points. Use at least ${want}.`,
        fixes: [
          {
            title: `Use ${want} values of ε`,
            edits: [{ kind: 'setValue', path: ['attack', 'eps_count'], value: want }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const epsUnits: Rule = {
  code: 'adversarial-power-law/eps-units',
  title: 'ε is in pixel units (inputs in [0, 1])',
  source:
    'the datasets here are scaled to [0, 1] (src/trainer/data); an ℓ∞ perturbation of 0.5 can turn any digit grey',
  check({ attack: a }) {
    if (a.eps_max <= 0.5) return [];
    return [
      {
        path: ['attack', 'eps_max'],
        target: 'value',
        severity: 'warning',
        message: `eps_max = ${a.eps_max} in pixel units: with inputs in [0, 1] an ℓ∞ step that large can erase the image, so the top of the sweep measures nothing about the model. MNIST studies stop at 0.3.`,
        fixes: [
          {
            title: 'Stop at ε = 0.3',
            edits: [{ kind: 'setValue', path: ['attack', 'eps_max'], value: 0.3 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const universality: Rule = {
  code: 'adversarial-power-law/one-model',
  title: 'Universality is a comparison: at least two models',
  source: `${ABSTRACT}; "this universality holds for ... models (including ... linear models, ... and networks trained on randomly shuffled labels)"`,
  check({ arms }) {
    if (arms.length >= 2) return [];
    return [
      {
        path: ['arms'],
        severity: 'warning',
        message: `Only \`${arms[0]}\`: one model gives one exponent, and the paper's claim is that it is the same for every model. Add the linear model and the MLP at least.`,
        fixes: [
          {
            title: 'Compare linear, MLP, shuffled-label MLP and LeNet-5',
            edits: [{ kind: 'setValue', path: ['arms'], value: ['linear', 'mlp', 'mlp_shuffled', 'lenet5'] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const shuffledMemorises: Rule = {
  code: 'adversarial-power-law/shuffled-memorise',
  title: 'The shuffled-label network must fit its random labels',
  source:
    'Cubuk et al. 2017, abstract (models include "networks trained on randomly shuffled labels"); random labels take many epochs to fit (Zhang et al. 2017)',
  check({ arms, shuffled: s, train, data }) {
    if (!arms.includes('mlp_shuffled')) return [];
    if (s.train > data.train)
      return [
        {
          path: ['shuffled', 'train'],
          target: 'value',
          severity: 'error',
          message: `shuffled.train (${fmtInt(s.train)}) is more than the training set (data.train = ${fmtInt(data.train)}).`,
          fixes: [
            {
              title: `Use ${fmtInt(data.train)}`,
              edits: [{ kind: 'setValue', path: ['shuffled', 'train'], value: data.train }],
            },
          ],
        },
      ];
    const epochs = (s.iterations * train.batch_size) / s.train;
    if (epochs >= 60) return [];
    const need = Math.ceil((100 * s.train) / train.batch_size / 100) * 100;
    return [
      {
        path: ['shuffled', 'iterations'],
        target: 'value',
        severity: 'warning',
        message: `${fmtInt(s.iterations)} steps of ${train.batch_size} are ${epochs.toFixed(0)} epochs of the ${fmtInt(s.train)} shuffled examples: an MLP usually needs 100 or more to fit random labels, and a half-fitted net is a different model from the paper's. Use about ${fmtInt(need)} steps, or fewer examples.`,
        fixes: [
          {
            title: `Train ${fmtInt(need)} steps`,
            edits: [{ kind: 'setValue', path: ['shuffled', 'iterations'], value: need }],
          },
        ],
      },
    ];
  },
};

/** Whether some point of the log-spaced ε grid lies in [lo, hi] (eps_min < eps_max). */
export function gridHitsRange(a: { eps_min: number; eps_max: number; eps_count: number }, lo: number, hi: number) {
  const n = Math.floor(a.eps_count);
  if (!(n >= 1) || !(a.eps_min > 0)) return false;
  if (n === 1) return a.eps_min >= lo && a.eps_min <= hi;
  const at = (e: number) =>
    ((Math.log(e) - Math.log(a.eps_min)) / (Math.log(a.eps_max) - Math.log(a.eps_min))) * (n - 1);
  const first = Math.max(0, Math.ceil(at(lo) - 1e-9));
  const last = Math.min(n - 1, Math.floor(at(hi) + 1e-9));
  return first <= last;
}

const windowReachable: Rule = {
  code: 'adversarial-power-law/window-vs-grid',
  title: 'The ε grid must reach into the fit window',
  source: 'next-batches.md A11 (window 1–30% error inside ε ∈ [1e-3, 0.3])',
  check({ attack: a }) {
    if (a.eps_min >= a.eps_max) return [];
    // On MNIST, one-step errors of clean models stay under 1% below ε ≈ 0.003 and pass 30% by ε ≈ 0.1
    // (the example's runs): a grid entirely outside [0.003, 0.1] misses the window. The grid is
    // log-spaced (epsilonGrid), so the indices inside the window are an interval: no grid is built
    // (eps_count may be out of range, e.g. 1e9).
    if (gridHitsRange(a, 0.003, 0.1)) return [];
    return [
      {
        path: ['attack', 'eps_max'],
        target: 'value',
        severity: 'warning',
        message: `No ε of the sweep lies between 0.003 and 0.1, where MNIST models go from about 1% to 30% adversarial error: the fit window may hold no point.`,
      },
    ];
  },
};

export const rules: Rule[] = [
  epsOrder,
  smallEps,
  fitWindow,
  gridDensity,
  epsUnits,
  universality,
  shuffledMemorises,
  windowReachable,
  ...imageDataRules,
  ...trainRules,
];
