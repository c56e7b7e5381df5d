/** What the layer-lottery paper implies across fields, each rule citing its source. */
import type { PaperRule } from '../../core/paper';
import { imageDataRules, trainRules } from '../common/rules';
import type { LayerLotteryConfig } from './schema';

type Rule = PaperRule<LayerLotteryConfig>;

const PAPER = 'Jordao et al. 2023';

const pCountsBlocks: Rule = {
  code: 'layer-lottery/p-counts-blocks',
  title: 'p counts residual blocks removed, from 1 to blocks − 1',
  source: `${PAPER}, §3 ("pruning density" p = the number of residual blocks removed); pruning-lottery.md §5`,
  check({ prune, model }) {
    const i = prune.blocks_removed.findIndex((p) => !Number.isInteger(p) || p < 1 || p >= model.blocks);
    if (i < 0) return [];
    const p = prune.blocks_removed[i];
    const asCount = Math.round(p * model.blocks);
    const fraction = !Number.isInteger(p) && p > 0 && p < 1;
    return [
      {
        path: ['prune', 'blocks_removed', i],
        target: 'value',
        severity: 'error',
        message: fraction
          ? `p = ${p} looks like a fraction: p counts the residual blocks removed. ${p} of ${model.blocks} blocks is ${asCount}.`
          : `p = ${p} must remove at least 1 and at most ${model.blocks - 1} of the ${model.blocks} blocks (a net needs one block left).`,
        fixes:
          fraction && asCount >= 1 && asCount < model.blocks
            ? [
                {
                  title: `Remove ${asCount} blocks`,
                  edits: [{ kind: 'setValue', path: ['prune', 'blocks_removed', i], value: asCount }],
                  preferred: true,
                },
              ]
            : undefined,
      },
    ];
  },
};

const initCriteria: Rule = {
  code: 'layer-lottery/criteria-at-init',
  title: 'At initialization the paper scores blocks with SNIP and GraSP',
  source: `${PAPER}, Algorithm 2 (layer pruning at initialization with SNIP and GraSP)`,
  check({ prune }) {
    if (prune.criteria.includes('grasp') || prune.criteria.includes('snip')) return [];
    return [
      {
        path: ['prune', 'criteria'],
        severity: 'warning',
        message:
          'Only random / last-p criteria: the paper’s tickets at initialization come from SNIP and GraSP scores; these are only controls.',
        fixes: [
          {
            title: 'Add grasp and snip',
            edits: [{ kind: 'setValue', path: ['prune', 'criteria'], value: ['grasp', 'snip', ...prune.criteria] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const unitControl: Rule = {
  code: 'layer-lottery/unit-control',
  title: 'The filter-pruning comparison',
  source: `${PAPER}, abstract: "tickets from filter removal (the standard structured LTH) hardly become winning tickets"`,
  check({ prune }) {
    if (prune.unit_control.length === 0)
      return [
        {
          path: ['prune', 'unit_control'],
          severity: 'warning',
          message:
            'No unit-pruning control: the paper’s claim is that layer pruning wins where pruning units (filters) to the same FLOPs does not.',
          fixes: [
            {
              title: `Compare at p = ${Math.max(...prune.blocks_removed)}`,
              edits: [
                { kind: 'setValue', path: ['prune', 'unit_control'], value: [Math.max(...prune.blocks_removed)] },
              ],
              preferred: true,
            },
          ],
        },
      ];
    const missing = prune.unit_control.findIndex((p) => !prune.blocks_removed.includes(p));
    if (missing < 0) return [];
    return [
      {
        path: ['prune', 'unit_control', missing],
        target: 'value',
        severity: 'warning',
        message: `Unit pruning at the FLOPs of p = ${prune.unit_control[missing]} has no block-removal run at that p to compare with (blocks_removed: ${prune.blocks_removed.join(', ')}).`,
      },
    ];
  },
};

const saliencyBatch: Rule = {
  code: 'layer-lottery/saliency-batch',
  title: 'Saliencies need a representative batch',
  source:
    'Lee et al. 2019 (SNIP) and Wang et al. 2020 (GraSP) score on a batch of training data; ~10 examples per class is their minimum',
  check({ prune, data }) {
    if (prune.saliency_batch > data.train)
      return [
        {
          path: ['prune', 'saliency_batch'],
          target: 'value',
          severity: 'error',
          message: `saliency_batch (${prune.saliency_batch}) is larger than the training set (${data.train}).`,
        },
      ];
    if (prune.saliency_batch >= 100) return [];
    return [
      {
        path: ['prune', 'saliency_batch'],
        target: 'value',
        severity: 'warning',
        message: `${prune.saliency_batch} images give noisy block scores (fewer than 10 per class); use 512.`,
        fixes: [
          {
            title: 'Use 512',
            edits: [{ kind: 'setValue', path: ['prune', 'saliency_batch'], value: 512 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const layerLotteryRules: Rule[] = [
  pCountsBlocks,
  initCriteria,
  unitControl,
  saliencyBatch,
  ...imageDataRules,
  ...trainRules,
];
