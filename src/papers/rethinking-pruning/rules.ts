/**
 * What a rethinking-pruning experiment implies across fields (notes §2 "Lints"; the reference code
 * Eric-mingjie/rethinking-network-pruning `l1-norm-pruning/main_B.py`, `main_E.py`).
 */
import type { RethinkingConfig } from './schema';
import type { PaperRule, RuleFinding } from '../../core/paper';
import { mlpMacs } from '../../core/estimate/work';
import { IMAGE_CLASSES, IMAGE_INPUT } from '../common/rules';
import { prunedWidths, scratchBIterations } from '../../trainer/neuronPruning';

type Rule = PaperRule<RethinkingConfig>;

/** MACs of one forward pass of the MLP with these hidden widths (the FLOPs of `main_B.py`'s ratio). */
const macsOf = (hidden: number[]) => mlpMacs([IMAGE_INPUT, ...hidden, IMAGE_CLASSES]);

export const comparisonNeedsBothSides: Rule = {
  code: 'rethinking-pruning/comparison-needs-both-sides',
  title: 'The claim compares fine-tuning with training from scratch: both must run',
  source: 'Liu et al. 2019, abstract and §4 (fine-tuned vs Scratch-E / Scratch-B)',
  check({ regimes }) {
    const hasFt = regimes.includes('finetune');
    const scratch = regimes.filter((r) => r === 'scratch_e' || r === 'scratch_b');
    if (hasFt && scratch.length > 0) return [];
    const add = hasFt ? ['scratch_e', 'scratch_b'] : ['finetune'];
    return [
      {
        path: ['regimes'],
        severity: 'warning',
        message: hasFt
          ? "Only the fine-tuned arm runs: the paper's question — does training the small architecture from scratch match fine-tuning? — cannot be answered. Add scratch_e and scratch_b."
          : 'No fine-tuned arm: the scratch runs have nothing to be compared with. Add finetune.',
        fixes: [
          {
            title: `Add the missing arm${add.length > 1 ? 's' : ''} (${add.join(', ')})`,
            edits: [{ kind: 'setValue', path: ['regimes'], value: [...new Set([...regimes, ...add])] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const scratchFreshInit: Rule = {
  code: 'rethinking-pruning/scratch-fresh-init',
  title: 'Scratch runs use a fresh random initialisation',
  source: 'Liu et al. 2019, §4 (scratch-trained models start from a random initialisation); notes §2 Lints',
  check({ scratch_init }) {
    if (scratch_init !== 'original') return [];
    return [
      {
        path: ['scratch_init'],
        target: 'value',
        severity: 'info',
        message:
          "Scratch runs will start from the full model's initial values of the surviving units: that is the lottery-ticket comparison (§6), not the paper's Scratch-E/B, which draw a fresh random init.",
        fixes: [
          {
            title: "Use a fresh init (the paper's Scratch-E/B)",
            edits: [{ kind: 'setValue', path: ['scratch_init'], value: 'fresh' }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

/** Scratch-B's budget spelled out, so the run length is no surprise. */
export const scratchBBudget: Rule = {
  code: 'rethinking-pruning/scratch-b-budget',
  title: "Scratch-B trains for the full model's compute",
  source: 'rethinking-network-pruning l1-norm-pruning/main_B.py: epochs = int(160 · FLOPs_full / FLOPs_pruned), no cap',
  check({ model: { hidden }, prune: { ratios }, train: { iterations: iters }, regimes }) {
    if (!regimes.includes('scratch_b')) return [];
    // Empty layers and ratios outside (0, 1) are schema errors already; there is no budget to state.
    if (!hidden.length || hidden.some((w) => w <= 0) || ratios.some((r) => !(r > 0 && r < 1))) return [];
    const full = macsOf(hidden);
    const parts = ratios.map((r) => {
      const small = macsOf(prunedWidths(hidden, r));
      return `${Math.round(r * 100)}% pruned → ${scratchBIterations(iters, full, small).toLocaleString('en-US')} iterations (×${(full / small).toFixed(2)})`;
    });
    return [
      {
        path: ['regimes'],
        severity: 'hint',
        message: `Scratch-B budget = ${iters.toLocaleString('en-US')} × FLOPs(full)/FLOPs(pruned): ${parts.join('; ')}.`,
      },
    ];
  },
};

export const finetuneLrBelowTraining: Rule = {
  code: 'rethinking-pruning/finetune-lr',
  title: 'Fine-tuning uses a small learning rate',
  source:
    'Liu et al. 2019, §3 (the prune → fine-tune pipeline continues training the pruned weights); Li et al. 2017 retrain at lr 0.001 (not confirmed by our notes)',
  check({ finetune: { lr: ft }, train: { lr } }) {
    if (ft < lr) return [];
    const suggestion = Number((lr / 50).toPrecision(2));
    return [
      {
        path: ['finetune', 'lr'],
        target: 'value',
        severity: 'warning',
        message: `finetune.lr (${ft}) is not below the training learning rate (${lr}): fine-tuning at a large rate throws away what the pruned weights learned, which turns the fine-tuned arm into a scratch run and blurs the comparison.`,
        fixes: [
          {
            title: `Set finetune.lr to ${suggestion}`,
            edits: [{ kind: 'setValue', path: ['finetune', 'lr'], value: suggestion }],
          },
        ],
      },
    ];
  },
};

export const lrDropsIncreasing: Rule = {
  code: 'rethinking-pruning/lr-drops-order',
  title: 'Learning-rate drops are listed in increasing order',
  source: 'Liu et al. 2019 code (weight-level/cifar_B.py: LR ×0.1 at 50% and 75% of the epochs)',
  check({ train: { lr_drops: d } }) {
    const sorted = [...new Set(d)].sort((a, b) => a - b);
    if (sorted.length === d.length && sorted.every((x, i) => x === d[i])) return [];
    const out: RuleFinding = {
      path: ['train', 'lr_drops'],
      severity: 'warning',
      message: `lr_drops ${JSON.stringify(d)} are not strictly increasing: each entry is the fraction of a run at which the rate drops ×0.1, so order matters for reading and duplicates drop it twice at once.`,
      fixes: [
        {
          title: `Sort them: ${JSON.stringify(sorted)}`,
          edits: [{ kind: 'setValue', path: ['train', 'lr_drops'], value: sorted }],
          preferred: true,
        },
      ],
    };
    return [out];
  },
};

export const rules: Rule[] = [
  comparisonNeedsBothSides,
  scratchFreshInit,
  scratchBBudget,
  finetuneLrBelowTraining,
  lrDropsIncreasing,
];
