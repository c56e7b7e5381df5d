/** What MixtureGrowth and its code imply across fields, each rule citing its source. */
import type { PaperRule } from '../../core/paper';
import { fmtInt, imageDataRules, optimizerRules, pct } from '../common/rules';
import type { MixtureGrowthConfig } from './schema';
import { growthMacs } from './work';

type Rule = PaperRule<MixtureGrowthConfig>;

const evenWidths: Rule = {
  code: 'mixture-growth/even-widths',
  title: 'Grown widths must split into two equal members',
  source: 'chaudatascience/mixturegrowth README: `--template_size 0.5,0.5,1` (each member is half the grown width)',
  check({ model }) {
    const odd = model.hidden.findIndex((h) => h % 2 !== 0 || h < 2);
    if (odd < 0) return [];
    const fixed = model.hidden.map((h) => Math.max(2, h + (h % 2)));
    return [
      {
        path: ['model', 'hidden', odd],
        target: 'value',
        severity: 'error',
        message: `Hidden width ${model.hidden[odd]} cannot be split into two equal members: each member is half the grown width (template size 0.5).`,
        fixes: [
          {
            title: `Use [${fixed.join(', ')}]`,
            edits: [{ kind: 'setValue', path: ['model', 'hidden'], value: fixed }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const growthLr: Rule = {
  code: 'mixture-growth/growth-lr',
  title: 'The grown net trains at a lower rate than the members',
  source: 'chaudatascience/mixturegrowth main.py: `--lr_growing` default 0.0001, used for the optimizer after growth',
  check({ growth, train }) {
    if (growth.lr_growing < train.lr) return [];
    return [
      {
        path: ['growth', 'lr_growing'],
        target: 'value',
        severity: 'warning',
        message: `lr_growing (${growth.lr_growing}) is not below the members' rate (${train.lr}): a large step right after growth can wash out what the trained templates bring. The code drops to 1e-4.`,
        fixes: [
          {
            title: 'Use the code’s 1e-4',
            edits: [{ kind: 'setValue', path: ['growth', 'lr_growing'], value: 1e-4 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const missingControl: Rule = {
  code: 'mixture-growth/missing-control',
  title: 'Random growth is the baseline the paper improves on',
  source:
    'Pham et al. 2024, abstract: growing "by adding random weights … brings too much noise to the growing process"',
  check({ controls }) {
    if (controls.includes('random_growth')) return [];
    return [
      {
        path: ['controls'],
        severity: 'warning',
        message:
          'No `random_growth` control: the claim is that recombining trained templates beats growing with random weights, which cannot be checked without it.',
        fixes: [
          {
            title: 'Add random_growth',
            edits: [{ kind: 'setValue', path: ['controls'], value: ['random_growth', ...controls] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const compute: Rule = {
  code: 'mixture-growth/compute',
  title: 'The comparison with scratch is at fewer training MACs',
  source:
    'Pham et al. 2024, abstract: "comparable performance with fewer FLOPs to a larger network trained from scratch"',
  check(c) {
    if (!c.controls.includes('scratch')) return [];
    const m = growthMacs(c);
    if (m.mixture < m.scratch) return [];
    return [
      {
        path: ['scratch_iterations'],
        target: 'value',
        severity: 'info',
        message: `Members + growth cost ${pct(m.mixture / m.scratch)} of the scratch net's training MACs (${fmtInt(Math.round(m.mixture / 1e9))} vs ${fmtInt(Math.round(m.scratch / 1e9))} G): the paper's claim is comparable accuracy at FEWER FLOPs, so give scratch at least as much compute.`,
      },
    ];
  },
};

const noGrowthSteps: Rule = {
  code: 'mixture-growth/no-growth-steps',
  title: 'The grown net must train after growth',
  source:
    'chaudatascience/mixturegrowth README: `--epochs 440` > `--growth_epochs 200` + `--ensemble_train_epochs 200`',
  check({ growth }) {
    if (growth.growth_iterations > 0) return [];
    return [
      {
        path: ['growth', 'growth_iterations'],
        target: 'value',
        severity: 'warning',
        message:
          '0 steps after growth: the grown nets are only evaluated as grown, so the new blocks never learn — the paper trains 40 more epochs on CIFAR.',
      },
    ];
  },
};

export const mixtureGrowthRules: Rule[] = [
  evenWidths,
  growthLr,
  missingControl,
  compute,
  noGrowthSteps,
  ...imageDataRules,
  ...optimizerRules,
];
