/**
 * What a weight-matching experiment implies across fields (notes §9 "Lints"; the reference code
 * `src/mnist_mlp_train.py`, `src/weight_matching.py`). Rules read defensively.
 */
import type { WeightMatchingConfig } from './schema';
import type { PaperRule, RuleFinding } from '../../core/paper';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export const seedsDiffer: PaperRule<WeightMatchingConfig> = {
  code: 'weight-matching-lmc/seeds-differ',
  title: 'The two models must come from different seeds',
  source: 'Ito et al., §4 setup; notes §9 Lints (seed_a ≠ seed_b)',
  check(c) {
    const a = num(c?.seeds?.a);
    const b = num(c?.seeds?.b);
    if (a === undefined || b === undefined || a !== b) return [];
    return [
      {
        path: ['seeds', 'b'],
        target: 'value',
        severity: 'error',
        code: this.code,
        message: `seeds.a and seeds.b are both ${a}: the two models would be the same network (same init, same data order), so the path between them is a single point and there is nothing to match. Use a different seed for B.`,
        source: this.source,
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

export const lambdaEndpoints: PaperRule<WeightMatchingConfig> = {
  code: 'weight-matching-lmc/lambda-endpoints',
  title: 'The λ grid must include both end points 0 and 1',
  source: "Barrier definition max_λ[L(λ) − ((1−λ)L(0) + λL(1))]; the reference code's lambdas = linspace(0, 1, 25)",
  check(c) {
    const ls: unknown = c?.interpolation?.lambdas;
    if (!Array.isArray(ls) || ls.some((x) => typeof x !== 'number')) return [];
    const missing = [0, 1].filter((e) => !ls.includes(e));
    if (missing.length === 0) return [];
    const fixed = [...new Set([...ls, ...missing])].sort((x, y) => x - y);
    return [
      {
        path: ['interpolation', 'lambdas'],
        severity: 'error',
        code: this.code,
        message: `The λ list lacks ${missing.join(' and ')}: the loss barrier is measured against the losses of the two models themselves (λ = 0 is A, λ = 1 is B), so both end points are needed. Add them, or remove \`lambdas\` and use \`points\`.`,
        source: this.source,
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

export const lambdasOverridePoints: PaperRule<WeightMatchingConfig> = {
  code: 'weight-matching-lmc/lambdas-override-points',
  title: 'An explicit λ list replaces `points`',
  source: 'Paperlab: interpolation.lambdas takes precedence',
  check(c) {
    const ls: unknown = c?.interpolation?.lambdas;
    const pts = num(c?.interpolation?.points);
    if (!Array.isArray(ls) || pts === undefined || pts === 25 || pts === ls.length) return [];
    return [
      {
        path: ['interpolation', 'points'],
        severity: 'info',
        code: this.code,
        message: `points = ${pts} is ignored: the explicit λ list (${ls.length} values) is used instead.`,
        source: this.source,
      },
    ];
  },
};

/** Matching cost grows like width³ (assignment) and the SVD like width²·fan-in: warn before a slow run. */
export const widthCost: PaperRule<WeightMatchingConfig> = {
  code: 'weight-matching-lmc/width-cost',
  title: 'Very wide layers make matching and the SVD slow',
  source: 'Paperlab: one-sided Jacobi SVD (≈4 s at 512×512, grows like width³); assignment O(n³) per layer and pass',
  check(c) {
    const hidden: unknown = c?.model?.hidden;
    if (!Array.isArray(hidden)) return [];
    const out: RuleFinding[] = [];
    hidden.forEach((w, i) => {
      if (typeof w === 'number' && w > 1024) {
        out.push({
          path: ['model', 'hidden', i],
          target: 'value',
          severity: 'warning',
          code: this.code,
          message: `A hidden layer of ${w} units makes the singular-vector analysis slow (a plain-JS SVD of a ${w}×${w} matrix takes about ${Math.round(4 * (w / 512) ** 3)} s, and it runs several times per layer) and each matching pass costs ${w}² dot products per layer. The paper's MLP uses 512; 256–512 shows the effect. Set analysis.singular_vectors to false to skip the SVDs.`,
          source: this.source,
        });
      }
    });
    return out;
  },
};

export const rules: PaperRule<WeightMatchingConfig>[] = [
  seedsDiffer,
  lambdaEndpoints,
  lambdasOverridePoints,
  widthCost,
];
