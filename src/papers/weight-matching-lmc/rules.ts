/**
 * What a weight-matching experiment implies across fields (notes §9 "Lints"; the reference code
 * `src/mnist_mlp_train.py`, `src/weight_matching.py`).
 */
import type { WeightMatchingConfig } from './schema';
import type { PaperRule, RuleFinding } from '../../core/paper';

type Rule = PaperRule<WeightMatchingConfig>;

export const seedsDiffer: Rule = {
  code: 'weight-matching-lmc/seeds-differ',
  title: 'The two models must come from different seeds',
  source: 'Ito et al., §4 setup; notes §9 Lints (seed_a ≠ seed_b)',
  check({ seeds: { a, b } }) {
    if (a !== b) return [];
    return [
      {
        path: ['seeds', 'b'],
        target: 'value',
        severity: 'error',
        message: `seeds.a and seeds.b are both ${a}: the two models would be the same network (same init, same data order), so the path between them is a single point and there is nothing to match. Use a different seed for B.`,
        fixes: [
          {
            title: `Set seeds.b to ${a + 1}`,
            edits: [{ kind: 'setValue', path: ['seeds', 'b'], value: a + 1 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const lambdaEndpoints: Rule = {
  code: 'weight-matching-lmc/lambda-endpoints',
  title: 'The λ grid must include both end points 0 and 1',
  source: "Barrier definition max_λ[L(λ) − ((1−λ)L(0) + λL(1))]; the reference code's lambdas = linspace(0, 1, 25)",
  check({ interpolation: { lambdas: ls } }) {
    if (!ls) return [];
    const missing = [0, 1].filter((e) => !ls.includes(e));
    if (missing.length === 0) return [];
    const fixed = [...new Set([...ls, ...missing])].sort((x, y) => x - y);
    return [
      {
        path: ['interpolation', 'lambdas'],
        severity: 'error',
        message: `The λ list lacks ${missing.join(' and ')}: the loss barrier is measured against the losses of the two models themselves (λ = 0 is A, λ = 1 is B), so both end points are needed. Add them, or remove \`lambdas\` and use \`points\`.`,
        fixes: [
          {
            title: `Add ${missing.join(' and ')} to the λ list`,
            edits: [{ kind: 'setValue', path: ['interpolation', 'lambdas'], value: fixed }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const lambdasOverridePoints: Rule = {
  code: 'weight-matching-lmc/lambdas-override-points',
  title: 'An explicit λ list replaces `points`',
  source: 'Paperlab: interpolation.lambdas takes precedence',
  check({ interpolation: { lambdas: ls, points: pts } }) {
    if (!ls || pts === 25 || pts === ls.length) return [];
    return [
      {
        path: ['interpolation', 'points'],
        severity: 'info',
        message: `points = ${pts} is ignored: the explicit λ list (${ls.length} values) is used instead.`,
      },
    ];
  },
};

/** Matching cost grows like width³ (assignment) and the SVD like width²·fan-in: warn before a slow run. */
export const widthCost: Rule = {
  code: 'weight-matching-lmc/width-cost',
  title: 'Very wide layers make matching and the SVD slow',
  source: 'Paperlab: one-sided Jacobi SVD (≈4 s at 512×512, grows like width³); assignment O(n³) per layer and pass',
  check({ model: { hidden } }) {
    const out: RuleFinding[] = [];
    hidden.forEach((w, i) => {
      if (w > 1024) {
        out.push({
          path: ['model', 'hidden', i],
          target: 'value',
          severity: 'warning',
          message: `A hidden layer of ${w} units makes the singular-vector analysis slow (a plain-JS SVD of a ${w}×${w} matrix takes about ${Math.round(4 * (w / 512) ** 3)} s, and it runs several times per layer) and each matching pass costs ${w}² dot products per layer. The paper's MLP uses 512; 256–512 shows the effect. Set analysis.singular_vectors to false to skip the SVDs.`,
        });
      }
    });
    return out;
  },
};

export const rules: Rule[] = [seedsDiffer, lambdaEndpoints, lambdasOverridePoints, widthCost];
