/** What RS2's comparison needs across fields (research notes §8 "Lints"; PatrikOkanovic/RS2). */
import type { Rs2Config } from './schema';
import type { PaperRule, RuleFinding } from '../../core/paper';
import { cosineSteps, subsetSize } from './sampling';

type Rule = PaperRule<Rs2Config>;

const CODE = 'PatrikOkanovic/RS2 (utils.py L320–331: CosineAnnealingLR, T_max = len(loader)·rounds)';

export const cosineLength: Rule = {
  code: 'rs2/cosine-length',
  title: 'The cosine schedule must last rounds·⌈rN/b⌉ iterations',
  source: CODE,
  check({ train: { cosine_steps: fixed, batch_size: b, rounds }, data: { train: n }, sampling }) {
    if (fixed === 'auto') return [];
    // A ratio ≤ 0 is a schema error already.
    const ratios = sampling.ratios.filter((r) => r > 0);
    const wrong = ratios.filter((r) => cosineSteps(n, r, b, rounds) !== fixed);
    if (!wrong.length) return [];
    const want = wrong.map((r) => `${cosineSteps(n, r, b, rounds)} for r = ${r}`).join(', ');
    return [
      {
        path: ['train', 'cosine_steps'],
        target: 'value',
        severity: 'error',
        message: `cosine_steps = ${fixed} does not match rounds·⌈rN/b⌉ (${want}): the schedule would end early (lr stuck at η_min) or never anneal. Use auto.`,
        fixes: [
          {
            title: 'Compute it per ratio (auto)',
            edits: [{ kind: 'setValue', path: ['train', 'cosine_steps'], value: 'auto' }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const subsetAtLeastBatch: Rule = {
  code: 'rs2/subset-at-least-batch',
  title: "Each round's subset must hold at least one batch (rN ≥ b)",
  source: 'research notes §8 (lint: rN ≥ b)',
  check({ data: { train: n }, train: { batch_size: b }, sampling: { ratios } }) {
    const out: RuleFinding[] = [];
    ratios.forEach((r, i) => {
      if (r <= 0 || subsetSize(n, r) >= b) return;
      const minRatio = Math.ceil((b / n) * 1000) / 1000;
      out.push({
        path: ['sampling', 'ratios', i],
        target: 'value',
        severity: 'error',
        message: `r = ${r} gives ${subsetSize(n, r)} examples per round, fewer than one batch of ${b}: a round would be a single short batch. Use r ≥ ${minRatio}, a smaller batch_size, or more data.train.`,
        fixes: [
          {
            title: `Set this ratio to ${minRatio}`,
            edits: [{ kind: 'setValue', path: ['sampling', 'ratios', i], value: minRatio }],
          },
        ],
      });
    });
    return out;
  },
};

export const needsBaseline: Rule = {
  code: 'rs2/needs-baseline',
  title: 'Compare RS2 against a baseline at equal rounds',
  source: 'research notes §8 (lint: compare methods at equal rounds and report wall-clock time); Okanovic et al. §5',
  check({ sampling: { methods } }) {
    if (methods.some((m) => m === 'static' || m === 'full')) return [];
    return [
      {
        path: ['sampling', 'methods'],
        target: 'value',
        severity: 'warning',
        message:
          "No baseline: without a static subset or full-data run at the same rounds, RS2's accuracy and time-to-accuracy have nothing to be compared with.",
        fixes: [
          {
            title: 'Add the static-subset and full-data baselines',
            edits: [
              { kind: 'setValue', path: ['sampling', 'methods'], value: [...new Set([...methods, 'static', 'full'])] },
            ],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [cosineLength, subsetAtLeastBatch, needsBaseline];
