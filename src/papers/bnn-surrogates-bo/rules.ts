/** What the bnn-surrogates-bo schema cannot say. */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { fmtInt } from '../common/rules';
import { FIXED_DIM, type BoConfig } from './schema';

type Rule = PaperRule<BoConfig>;

const ABSTRACT = 'Li et al. 2024, abstract';

const dims: Rule = {
  code: 'bnn-surrogates-bo/function-dimension',
  title: 'Branin is 2-D and Hartmann-6 is 6-D',
  source: "the test functions' definitions (Branin–Hoo on [−5, 10] × [0, 15]; Hartmann on [0, 1]⁶)",
  check({ problem }) {
    const fixed = FIXED_DIM[problem.function];
    if (fixed === undefined || fixed === problem.dim) return [];
    return [
      {
        path: ['problem', 'dim'],
        target: 'value',
        severity: 'error',
        message: `\`${problem.function}\` is defined in ${fixed} dimensions, not ${problem.dim}. Use dim ${fixed}, or \`ackley\` / \`levy\` for other dimensions.`,
        fixes: [
          {
            title: `Use dim ${fixed}`,
            edits: [{ kind: 'setValue', path: ['problem', 'dim'], value: fixed }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const budget: Rule = {
  code: 'bnn-surrogates-bo/no-bo-steps',
  title: 'The surrogate must choose some of the evaluations',
  source: 'research notes next-batches.md B13 (40 evaluations); a BO run is initial design + surrogate-chosen points',
  check({ bo, problem }) {
    const out: RuleFinding[] = [];
    if (bo.initial_points >= bo.evaluations)
      out.push({
        path: ['bo', 'initial_points'],
        target: 'value',
        severity: 'error',
        message: `initial_points (${bo.initial_points}) uses the whole budget of ${bo.evaluations} evaluations: no point is chosen by a surrogate, so every arm is random search.`,
        fixes: [
          {
            title: `Use ${Math.max(1, Math.floor(bo.evaluations / 4))} initial points`,
            edits: [
              { kind: 'setValue', path: ['bo', 'initial_points'], value: Math.max(1, Math.floor(bo.evaluations / 4)) },
            ],
            preferred: true,
          },
        ],
      });
    if (bo.candidates < 100 * problem.dim)
      out.push({
        path: ['bo', 'candidates'],
        target: 'value',
        severity: 'warning',
        message: `${fmtInt(bo.candidates)} random candidates in ${problem.dim} dimensions (fewer than 100 per dimension) maximize the acquisition poorly: the surrogates' differences drown in the search.`,
      });
    return out;
  },
};

const gpBaseline: Rule = {
  code: 'bnn-surrogates-bo/no-gp-baseline',
  title: 'BNN surrogates are studied as alternatives to the GP',
  source: `${ABSTRACT} ("we study BNNs as alternatives to standard GP surrogates")`,
  check({ arms }) {
    if (arms.includes('gp')) return [];
    return [
      {
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message: 'Without the `gp` arm there is no standard surrogate to rank the BNN surrogates against.',
        fixes: [
          {
            title: 'Add the gp arm',
            edits: [{ kind: 'setValue', path: ['arms'], value: ['gp', ...arms] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [dims, budget, gpBaseline];
