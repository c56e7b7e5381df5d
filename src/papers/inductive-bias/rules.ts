/** Cross-field checks for the inductive-bias setting, each citing the code line it comes from. */
import type { PaperRule } from '../../core/paper';
import { fmtInt } from '../common/rules';
import type { InductiveBiasConfig } from './schema';

type Rule = PaperRule<InductiveBiasConfig>;
const CODE = 'Boopathy et al. 2024, code FieteLab/Exact-Inductive-Bias';

const fewTrials: Rule = {
  code: 'inductive-bias/few-trials',
  title: 'The error distribution needs enough sampled hypotheses',
  source: `${CODE} utils.py L6 (ncx2.fit by maximum likelihood over the sampled errors; three parameters); the 30-sample floor is ours`,
  check({ nn, kernel }) {
    const low: [string, number][] = [];
    if (nn.trials < 30) low.push(['nn', nn.trials]);
    if (kernel.enabled && kernel.samples < 30) low.push(['kernel', kernel.samples]);
    return low.map(([block, count]) => ({
      path: [block, block === 'nn' ? 'trials' : 'samples'],
      target: 'value' as const,
      severity: 'warning' as const,
      message: `${fmtInt(count)} sampled hypotheses: a three-parameter noncentral χ² fitted to so few errors is loose, and the inductive bias reads its left tail. Use at least 30.`,
      fixes: [
        {
          title: 'Use 50',
          edits: [{ kind: 'setValue' as const, path: [block, block === 'nn' ? 'trials' : 'samples'], value: 50 }],
          preferred: true,
        },
      ],
    }));
  },
};

const targetBeyondSamples: Rule = {
  code: 'inductive-bias/tail-extrapolation',
  title: 'Targets far below the reference are read from the fitted tail alone',
  source: `${CODE} utils.py L10–15 (−ncx2.logcdf at the target, with a normal-approximation fallback where it underflows)`,
  check({ target }) {
    const lo = Math.min(...target.factors);
    // The reference is the `quantile` of the sampled errors; factor × quantile far below it is beyond
    // every sample (guard: the schema keeps quantile in (0, 1) and factors > 0).
    if (!(lo < 0.5)) return [];
    return [
      {
        path: ['target', 'factors'],
        target: 'value',
        severity: 'info',
        message: `A target of ${lo} × the reference error lies far below every sampled hypothesis: its inductive bias comes from the fitted distribution's tail, not from data (the code then switches to a normal approximation). Read it as an extrapolation.`,
      },
    ];
  },
};

const kernelTooLarge: Rule = {
  code: 'inductive-bias/kernel-too-large',
  title: 'The exact GP posterior is cubic in the data',
  source: `${CODE} kernel_inductive_bias.py L168–171 (the code fits the posterior by Adam instead: 10,000 epochs); our exact solve costs n³ in JavaScript`,
  check({ data, kernel }) {
    if (!kernel.enabled || Math.max(data.train, data.test) <= 2000) return [];
    return [
      {
        path: ['data', Math.max(data.train, data.test) === data.train ? 'train' : 'test'],
        target: 'value',
        severity: 'warning',
        message: `${fmtInt(data.train)} training and ${fmtInt(data.test)} test points: the exact GP posterior factors matrices of that size in JavaScript (≈ 10 s at 2,000, 8× that at 4,000, per task). Use at most 2,000, or turn the kernel space off.`,
        fixes: [
          {
            title: 'Use 2,000 training and test points',
            edits: [
              { kind: 'setValue', path: ['data', 'train'], value: Math.min(data.train, 2000) },
              { kind: 'setValue', path: ['data', 'test'], value: Math.min(data.test, 2000) },
            ],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const twoTasks: Rule = {
  code: 'inductive-bias/one-task',
  title: 'The task comparison needs two tasks',
  source: 'Boopathy et al. 2024, abstract ("higher dimensional tasks require greater inductive bias")',
  check({ data }) {
    if (data.datasets.length >= 2) return [];
    return [
      {
        path: ['data', 'datasets'],
        target: 'value',
        severity: 'info',
        message:
          'One task: the run measures its inductive bias but cannot compare tasks. Add `fashion-mnist` or `mnist`.',
        fixes: [
          {
            title: 'Compare MNIST and Fashion-MNIST',
            edits: [{ kind: 'setValue', path: ['data', 'datasets'], value: ['mnist', 'fashion-mnist'] }],
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [fewTrials, targetBeyondSamples, kernelTooLarge, twoTasks];
