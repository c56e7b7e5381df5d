/** What ExSSNeT and its code imply across fields, each rule citing its source. */
import type { PaperRule } from '../../core/paper';
import { imageDataRules, pct } from '../common/rules';
import type { ExssnetConfig } from './schema';

type Rule = PaperRule<ExssnetConfig>;

const CODE = 'prateeky2806/exessnet';

const densityIsKept: Rule = {
  code: 'exssnet/density-is-kept',
  title: '`density` is the share of weights KEPT',
  source: `${CODE} models/module_util.py GetSubnet (top-k of |scores| with k = sparsity: the code's "sparsity" is the kept share); pruning-lottery.md lint`,
  check({ model }) {
    if (model.density <= 0.5) return [];
    return [
      {
        path: ['model', 'density'],
        target: 'value',
        severity: 'warning',
        message: `density ${model.density} keeps ${pct(model.density)} of every layer for each task — did you mean a sparsity (pruned share)? ExSSNeT’s advantage is for masks using 2–10% of the weights, and with large masks little is exclusive to later tasks.`,
        fixes: [
          {
            title: `Keep ${pct(1 - model.density)} (density ${Number((1 - model.density).toFixed(4))})`,
            edits: [{ kind: 'setValue', path: ['model', 'density'], value: Number((1 - model.density).toFixed(4)) }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const weightPhase: Rule = {
  code: 'exssnet/weight-phase',
  title: 'Exclusive training needs a weight phase',
  source: `${CODE} README: ExSSNeT runs with \`--weight-epochs\` > 0 and \`--weight-mask-type=exclusive\`; with 0 weight epochs it is SupSup`,
  check({ weights, arms }) {
    if (weights.iterations > 0 || !(arms.includes('exssnet') || arms.includes('ssnet'))) return [];
    return [
      {
        path: ['weights', 'iterations'],
        target: 'value',
        severity: 'error',
        message: 'weights.iterations is 0: ExSSNeT and SSNeT then train no weights and are SupSup under another name.',
        fixes: [
          {
            title: 'Train weights 300 steps per task',
            edits: [{ kind: 'setValue', path: ['weights', 'iterations'], value: 300 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const sparseRange: Rule = {
  code: 'exssnet/sparse-masks',
  title: 'The advantage is for sparse masks (2–10%)',
  source:
    'Yadav & Bansal 2022, abstract: "particularly advantageous for sparse masks that activate 2-10% of the model parameters, resulting in an average improvement of 8.3% over SupSup"',
  check({ model }) {
    if (model.density <= 0.1 || model.density > 0.5) return [];
    return [
      {
        path: ['model', 'density'],
        target: 'value',
        severity: 'info',
        message: `Masks keep ${pct(model.density)}: the paper’s gain over SupSup is largest at 2–10%; above that the frozen random weights already suffice and the gap narrows.`,
      },
    ];
  },
};

const needsSupsup: Rule = {
  code: 'exssnet/missing-supsup',
  title: 'SupSup is the baseline',
  source: 'Yadav & Bansal 2022, abstract (ExSSNeT vs SupSup, Wortsman et al. 2020)',
  check({ arms }) {
    if (arms.includes('supsup') || !arms.includes('exssnet')) return [];
    return [
      {
        path: ['arms'],
        severity: 'warning',
        message: 'No `supsup` arm: the claim is ExSSNeT’s gain over frozen-weight supermasks.',
        fixes: [
          {
            title: 'Add supsup',
            edits: [{ kind: 'setValue', path: ['arms'], value: [...arms, 'supsup'] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const capacity: Rule = {
  code: 'exssnet/exclusive-capacity',
  title: 'Later tasks need free weights',
  source:
    'Yadav & Bansal 2022, §3 (exclusive weights m_t ∧ ¬∪ m_{<t}); with random masks the free share for task t is about (1 − d)^t',
  check({ model, tasks }) {
    const free = Math.pow(1 - model.density, tasks.count - 1);
    if (free >= 0.25) return [];
    return [
      {
        path: ['tasks', 'count'],
        target: 'value',
        severity: 'info',
        message: `With ${tasks.count} tasks at ${pct(model.density)} density, the last task finds only about ${pct(free)} of its mask free of earlier masks (if masks were independent): its exclusive weight training has little to work with.`,
      },
    ];
  },
};

export const exssnetRules: Rule[] = [densityIsKept, weightPhase, sparseRange, needsSupsup, capacity, ...imageDataRules];
