/** What the oscillation-free-quant schema cannot say. */
import type { PaperRule } from '../../core/paper';
import { fmtInt, imageDataRules, trainRules } from '../common/rules';
import type { OfqConfig } from './schema';

type Rule = PaperRule<OfqConfig>;

const SCRIPT = 'nbasyl/OFQ, train_scripts/deit_t/w2a2_deit_t.sh';

const boundaryRange: Rule = {
  code: 'oscillation-free-quant/boundary-range',
  title: "CGA's boundary range is a small share of the quantization step",
  source: `${SCRIPT} (--boundaryRange 0.005); README Fig. 1 (boundary ranges 0.003, 0.005, 0.007, 0.01)`,
  check({ cga, arms }) {
    if (!arms.includes('statsq_cga') || (cga.boundary_range >= 0.001 && cga.boundary_range <= 0.05)) return [];
    return [
      {
        path: ['cga', 'boundary_range'],
        target: 'value',
        severity: 'warning',
        message: `boundary_range ${cga.boundary_range} is far from the paper's 0.003–0.01: ${cga.boundary_range > 0.05 ? 'most weights count as unconfident and keep oscillating' : 'almost every weight is frozen at once'}.`,
        fixes: [
          {
            title: "Use the paper's 0.005",
            edits: [{ kind: 'setValue', path: ['cga', 'boundary_range'], value: 0.005 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const lowBit: Rule = {
  code: 'oscillation-free-quant/not-low-bit',
  title: 'Oscillation is a low-bit effect',
  source: 'nbasyl/OFQ README, ImageNet table: 2-, 3- and 4-bit models; abstract: "2-bit DeiT-T/DeiT-S"',
  check({ quant }) {
    if (quant.weight_bits <= 4) return [];
    return [
      {
        path: ['quant', 'weight_bits'],
        target: 'value',
        severity: 'info',
        message: `At ${quant.weight_bits} bits the quantization levels are close enough that few weights oscillate; the paper studies 2 to 4 bits.`,
      },
    ];
  },
};

const lsqBaseline: Rule = {
  code: 'oscillation-free-quant/no-lsq-baseline',
  title: 'The claim is against the learnable-scale (LSQ) quantizer',
  source:
    'Liu et al. 2023, abstract ("the learnable scaling factor … aggravates weight oscillation"); README: --wq-mode statsq vs lsq',
  check({ arms }) {
    if (arms.includes('lsq') || !arms.some((a) => a === 'statsq' || a === 'statsq_cga')) return [];
    return [
      {
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message:
          "Without the `lsq` arm there is no learnable-scale baseline: the paper's claim is fewer level flips and higher accuracy than LSQ.",
        fixes: [
          {
            title: 'Add the lsq arm',
            edits: [{ kind: 'setValue', path: ['arms'], value: ['lsq', ...arms] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const windowSteps: Rule = {
  code: 'oscillation-free-quant/window-too-short',
  title: 'Level flips are counted over enough steps to compare arms',
  source: 'heuristic: the research notes count flips per 100 steps in the last 20% of training (next-batches.md B20)',
  check({ quant, train }) {
    const steps = Math.floor(quant.oscillation_window * train.iterations);
    if (steps >= 100) return [];
    return [
      {
        path: ['quant', 'oscillation_window'],
        target: 'value',
        severity: 'warning',
        message: `The oscillation window is ${fmtInt(steps)} step${steps === 1 ? '' : 's'} (${quant.oscillation_window} × ${fmtInt(train.iterations)}): fewer than 100, too few to count flips per 100 steps.`,
      },
    ];
  },
};

export const rules: Rule[] = [boundaryRange, lowBit, lsqBaseline, windowSteps, ...imageDataRules, ...trainRules];
