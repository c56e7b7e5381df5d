/** What the learning-to-actively-learn schema cannot say. */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { fmtInt } from '../common/rules';
import type { LalConfig } from './schema';

type Rule = PaperRule<LalConfig>;

const ABSTRACT = 'Zhang, Jain & Jamieson 2020, abstract';

const budget: Rule = {
  code: 'learning-to-actively-learn/budget',
  title: 'The budget must allow a pull of every arm, and stay in the small-budget regime the paper targets',
  source: `${ABSTRACT} ("particularly focused on the regime when the total query budget is very small, such as a few dozen")`,
  check({ problem }) {
    const out: RuleFinding[] = [];
    if (problem.budget < problem.bandit_arms)
      out.push({
        path: ['problem', 'budget'],
        target: 'value',
        severity: 'error',
        message: `A budget of ${problem.budget} cannot pull each of the ${problem.bandit_arms} arms once: some arm's mean is never observed.`,
        fixes: [
          {
            title: `Use ${problem.bandit_arms * 4} pulls`,
            edits: [{ kind: 'setValue', path: ['problem', 'budget'], value: problem.bandit_arms * 4 }],
            preferred: true,
          },
        ],
      });
    else if (problem.budget > 200)
      out.push({
        path: ['problem', 'budget'],
        target: 'value',
        severity: 'info',
        message: `${fmtInt(problem.budget)} pulls is far beyond "a few dozen": with large budgets classical algorithms with guarantees do well, and a learned policy has little to add.`,
      });
    return out;
  },
};

const rollouts: Rule = {
  code: 'learning-to-actively-learn/few-rollouts',
  title: 'Policy gradients need many episodes per update',
  source:
    'heuristic: REINFORCE estimates from N episodes have variance ∝ 1/N; the research notes plan 1,000 in parallel (next-batches.md B25)',
  check({ policy }) {
    if (policy.rollouts >= 100) return [];
    return [
      {
        path: ['policy', 'rollouts'],
        target: 'value',
        severity: 'warning',
        message: `${policy.rollouts} episodes per update give REINFORCE gradients too noisy to train the policy against an adversary; use hundreds.`,
      },
    ];
  },
};

const baselines: Rule = {
  code: 'learning-to-actively-learn/no-baseline',
  title: 'The learned policy is judged against simple allocations',
  source: `${ABSTRACT} ("competes with the best adaptive algorithm learned for each equivalence class"); research notes next-batches.md B25 (uniform allocation, successive elimination)`,
  check({ arms }) {
    if (!arms.includes('learned') || arms.some((a) => a !== 'learned')) return [];
    return [
      {
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message:
          'The learned policy alone says nothing: add `uniform` or `successive_elimination` to compare its worst-class error with.',
        fixes: [
          {
            title: 'Add uniform',
            edits: [{ kind: 'setValue', path: ['arms'], value: [...arms, 'uniform'] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [budget, rollouts, baselines];
