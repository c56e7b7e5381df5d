/** What the monotone-dbm schema cannot say. */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { evalAfterEnd, momentumIgnored } from '../common/rules';
import type { MonotoneDbmConfig } from './schema';

type Rule = PaperRule<MonotoneDbmConfig>;

const ABSTRACT = 'Feng, Winston & Kolter 2023, abstract';

const converged: Rule = {
  code: 'monotone-dbm/loose-tolerance',
  title: 'Convergence is judged at a tight residual',
  source:
    'research notes next-batches.md B17 (residual < 1e-4 within 50 damped iterations); abstract (a unique mean-field fixed point)',
  check({ meanfield }) {
    if (meanfield.tol <= 1e-3) return [];
    return [
      {
        path: ['meanfield', 'tol'],
        target: 'value',
        severity: 'warning',
        message: `tol ${meanfield.tol} calls an iteration converged far from its fixed point, so an unconstrained machine that never settles can pass; use 1e-4.`,
        fixes: [
          {
            title: 'Use 1e-4',
            edits: [{ kind: 'setValue', path: ['meanfield', 'tol'], value: 1e-4 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const unroll: Rule = {
  code: 'monotone-dbm/unroll-exceeds-inference',
  title: 'Training unrolls no more iterations than inference runs',
  source: 'research notes next-batches.md B17 (training by unrolled iterations)',
  check({ meanfield }) {
    if (meanfield.unroll <= meanfield.max_iters) return [];
    return [
      {
        path: ['meanfield', 'unroll'],
        target: 'value',
        severity: 'error',
        message: `unroll (${meanfield.unroll}) exceeds max_iters (${meanfield.max_iters}): training would backpropagate through iterations inference never runs.`,
        fixes: [
          {
            title: `Unroll ${meanfield.max_iters}`,
            edits: [{ kind: 'setValue', path: ['meanfield', 'unroll'], value: meanfield.max_iters }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const compare: Rule = {
  code: 'monotone-dbm/no-unconstrained-baseline',
  title: 'The guarantee is shown against an unconstrained machine, on images that tile',
  source: `${ABSTRACT} ("restricts the weights in a manner that guarantees the existence and global uniqueness of a mean-field fixed point")`,
  check({ arms, data }) {
    const out: RuleFinding[] = [];
    if (arms.includes('monotone') && !arms.includes('unconstrained'))
      out.push({
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message:
          'Without `unconstrained` nothing shows what the monotone parameterization buys: the same machine without it may not converge.',
      });
    if (28 % data.side !== 0)
      out.push({
        path: ['data', 'side'],
        target: 'value',
        severity: 'error',
        message: `Pooling 28×28 digits to ${data.side}×${data.side} needs a divisor of 28 (7, 14 or 28).`,
      });
    return out;
  },
};

export const rules: Rule[] = [converged, unroll, compare, momentumIgnored, evalAfterEnd];
