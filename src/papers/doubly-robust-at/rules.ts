/** What the doubly-robust-at setting implies across fields, each rule citing its source. */
import type { PaperRule } from '../../core/paper';
import { imageDataRules, trainRules } from '../common/rules';
import type { DoublyRobustAtConfig } from './schema';

type Rule = PaperRule<DoublyRobustAtConfig>;

const MADRY =
  'Madry et al. 2018, "Towards Deep Learning Models Resistant to Adversarial Attacks" (ℓ∞ PGD with random start)';
const ABSTRACT = 'Sow et al. 2024, abstract';

const reach: Rule = {
  code: 'doubly-robust-at/pgd-reach',
  title: 'PGD must be able to reach the edge of the ε-ball',
  source: MADRY,
  check({ attack, eval: ev }) {
    for (const [key, a] of [
      ['attack', attack],
      ['eval', ev],
    ] as const) {
      if (a.steps * a.step_size >= a.eps) continue;
      const fixed = Number(((2.5 * a.eps) / a.steps).toPrecision(3));
      return [
        {
          path: [key, 'step_size'],
          target: 'value',
          severity: 'warning',
          message: `${a.steps} steps of ${a.step_size} travel at most ${(a.steps * a.step_size).toPrecision(3)} < ε = ${a.eps}: the attack cannot reach the edge of the ball and is weaker than its ε says. Use α ≈ 2.5·ε/k = ${fixed}.`,
          fixes: [
            {
              title: `Use step_size ${fixed}`,
              edits: [{ kind: 'setValue', path: [key, 'step_size'], value: fixed }],
              preferred: true,
            },
          ],
        },
      ];
    }
    return [];
  },
};

const weakEval: Rule = {
  code: 'doubly-robust-at/weak-eval',
  title: "Robustness is measured with an attack at least as strong as training's",
  source: `${MADRY}; robustness evaluated by a stronger PGD than the one used in training`,
  check({ attack, eval: ev }) {
    if (ev.steps >= attack.steps && ev.eps >= attack.eps) return [];
    return [
      {
        path: ['eval', 'steps'],
        target: 'value',
        severity: 'warning',
        message: `The evaluation attack (PGD-${ev.steps}, ε ${ev.eps}) is weaker than the training one (PGD-${attack.steps}, ε ${attack.eps}): robust accuracy would be overstated.`,
        fixes: [
          {
            title: `PGD-${Math.max(20, attack.steps * 2)} at ε ${attack.eps}`,
            edits: [
              { kind: 'setValue', path: ['eval', 'steps'], value: Math.max(20, attack.steps * 2) },
              { kind: 'setValue', path: ['eval', 'eps'], value: attack.eps },
            ],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const rRange: Rule = {
  code: 'doubly-robust-at/r-range',
  title: 'r decides how far the weights are from uniform',
  source: `${ABSTRACT} ("importance weights are obtained by optimizing the KL-divergence regularized loss function")`,
  check({ done, arms }) {
    if (!arms.includes('done')) return [];
    if (done.r > 100)
      return [
        {
          path: ['done', 'r'],
          target: 'value',
          severity: 'info',
          message: `r = ${done.r}: with adversarial losses of order 1, exp(ℓ/r) is flat and the weights are uniform to within ${(100 * (Math.exp(10 / done.r) - 1)).toFixed(1)}% — this is plain adversarial training.`,
        },
      ];
    if (done.r < 0.05)
      return [
        {
          path: ['done', 'r'],
          target: 'value',
          severity: 'warning',
          message: `r = ${done.r}: the weights exp(ℓ/r) put nearly all of a batch on its single hardest example, so each step trains on one digit and the average robustness collapses.`,
          fixes: [
            { title: 'Use r = 1', edits: [{ kind: 'setValue', path: ['done', 'r'], value: 1 }], preferred: true },
          ],
        },
      ];
    return [];
  },
};

const missingAt: Rule = {
  code: 'doubly-robust-at/missing-at',
  title: 'Reweighting is judged against plain adversarial training',
  source: `${ABSTRACT} ("outperforms related state-of-the-art baseline methods in terms of average robust performance")`,
  check({ arms }) {
    if (!arms.includes('done') || arms.includes('at')) return [];
    return [
      {
        path: ['arms'],
        severity: 'warning',
        message:
          'No `at` arm: the gain of the instance weights can only be measured against adversarial training with uniform weights.',
        fixes: [
          { title: 'Add at', edits: [{ kind: 'setValue', path: ['arms'], value: [...arms, 'at'] }], preferred: true },
        ],
      },
    ];
  },
};

const bigEps: Rule = {
  code: 'doubly-robust-at/eps-mnist',
  title: 'ε beyond 0.3 erases MNIST digits',
  source: `${MADRY} (MNIST at ε = 0.3)`,
  check({ attack }) {
    if (attack.eps <= 0.3) return [];
    return [
      {
        path: ['attack', 'eps'],
        target: 'value',
        severity: 'warning',
        message: `ε = ${attack.eps} in pixel units: beyond 0.3 an ℓ∞ perturbation can change what the digit is, so "robust" labels stop meaning anything.`,
      },
    ];
  },
};

const evalPoints: Rule = {
  code: 'doubly-robust-at/worst-class-points',
  title: 'Enough attacked points per class for a worst-class accuracy',
  source: `${ABSTRACT} ("improves the robustness against attacks on the weakest data points")`,
  check({ eval: ev, data }) {
    const points = Math.min(ev.points, data.test);
    if (points / 10 >= 50) return [];
    return [
      {
        path: ['eval', 'points'],
        target: 'value',
        severity: 'warning',
        message: `${points} attacked points are ~${Math.round(points / 10)} per class: the worst class's accuracy then moves by ${(100 / Math.max(1, points / 10)).toFixed(0)} pp per digit, more than the effect to be measured.`,
      },
    ];
  },
};

export const rules: Rule[] = [reach, weakEval, rRange, missingAt, bigEps, evalPoints, ...imageDataRules, ...trainRules];
