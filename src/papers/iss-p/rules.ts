/** What ISS-P and its code imply across fields, each rule citing its source. */
import type { PaperRule } from '../../core/paper';
import { fmtInt, imageDataRules, trainRules } from '../common/rules';
import type { IssPConfig } from './schema';

type Rule = PaperRule<IssPConfig>;

const CODE = 'Jiamian-Wang/Iterative-Soft-Shrinkage-SR';

const phaseInsideTraining: Rule = {
  code: 'iss-p/prune-phase',
  title: 'The pruning phase must end before training does',
  source: `Wang et al. 2023, Fig. 1 (prune for K_p iterations, then fine-tune the fixed sparse model); ${CODE} ist_pruner.py (prune, then build the pruned model)`,
  check({ prune, train }) {
    if (prune.prune_iterations < train.iterations) return [];
    const fixed = Math.max(1, Math.round((2 * train.iterations) / 3));
    return [
      {
        path: ['prune', 'prune_iterations'],
        target: 'value',
        severity: 'warning',
        message: `The pruning phase (${fmtInt(prune.prune_iterations)}) lasts the whole training (${fmtInt(train.iterations)} iterations): the hard mask is never fixed, so the final network is not the sparse one being measured until the last step, and nothing fine-tunes it.`,
        fixes: [
          {
            title: `Prune for ${fmtInt(fixed)} iterations`,
            edits: [{ kind: 'setValue', path: ['prune', 'prune_iterations'], value: fixed }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const needsIht: Rule = {
  code: 'iss-p/missing-iht',
  title: 'IHT is the comparison that isolates the soft shrinkage',
  source: `Wang et al. 2023, §3 (ISS-P against iterative hard thresholding); ${CODE} README runs IST and IHT side by side`,
  check({ prune }) {
    if (!prune.methods.includes('iss_p') || prune.methods.includes('iht')) return [];
    return [
      {
        path: ['prune', 'methods'],
        severity: 'warning',
        message:
          'ISS-P without IHT: IHT is the same procedure with α = 0, so it is the control that shows what the soft shrinkage itself adds.',
        fixes: [
          {
            title: 'Add iht',
            edits: [{ kind: 'setValue', path: ['prune', 'methods'], value: [...prune.methods, 'iht'] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const alphaNearOne: Rule = {
  code: 'iss-p/alpha',
  title: 'α is a gentle shrink, close to 1',
  source: `${CODE} basicsr/utils/options.py (--ist_ratio default 0.99; README commands 0.95)`,
  check({ prune }) {
    const bad = prune.alphas.findIndex((a) => a < 0.5);
    if (bad < 0 || !prune.methods.includes('iss_p')) return [];
    return [
      {
        path: ['prune', 'alphas', bad],
        target: 'value',
        severity: 'warning',
        message: `α = ${prune.alphas[bad]} halves the small weights at every step: after a few steps this is hard thresholding again. The code uses 0.99 (README 0.95).`,
        fixes: [
          {
            title: 'Use 0.99',
            edits: [{ kind: 'setValue', path: ['prune', 'alphas', bad], value: 0.99 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const shrinkEvery: Rule = {
  code: 'iss-p/shrink-every',
  title: 'The code shrinks after every iteration',
  source: `${CODE} ist_pruner.py: \`_iht()\` after every optimizer step`,
  check({ prune }) {
    if (prune.shrink_every === 1) return [];
    return [
      {
        path: ['prune', 'shrink_every'],
        target: 'value',
        severity: 'info',
        message: `Shrinking every ${prune.shrink_every} steps: ISS-P’s α compounds per shrink, so α = ${prune.alphas[0]} here acts like α^(1/${prune.shrink_every}) ≈ ${Math.pow(prune.alphas[0], 1 / prune.shrink_every).toFixed(4)} applied every step.`,
      },
    ];
  },
};

export const issPRules: Rule[] = [
  phaseInsideTraining,
  needsIht,
  alphaNearOne,
  shrinkEvery,
  ...imageDataRules,
  ...trainRules,
];
