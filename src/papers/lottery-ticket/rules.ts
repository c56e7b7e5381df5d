/** What the lottery-ticket paper implies across fields (pruning-lottery.md §1), each rule citing its source. */
import type { PaperRule } from '../types';
import { fmtInt, imageDataRules, int, mlpLayers, num, obj, pct, trainRules, type Layer } from '../common/rules';

/** Fraction of all weights kept after `rounds` rounds, each layer losing its own rate per round. */
export function densityAfter(layers: Layer[], hiddenRate: number, outputRate: number, rounds: number): number {
  let kept = 0;
  let total = 0;
  for (const l of layers) {
    kept += l.weights * Math.pow(1 - (l.output ? outputRate : hiddenRate), rounds);
    total += l.weights;
  }
  return kept / total;
}

/** Smallest number of rounds whose density is at most `target` (undefined if more than `cap`). */
export function roundsNeeded(
  layers: Layer[],
  hiddenRate: number,
  outputRate: number,
  target: number,
  cap = 200,
): number | undefined {
  for (let r = 0; r <= cap; r++) if (densityAfter(layers, hiddenRate, outputRate, r) <= target + 1e-12) return r;
  return undefined;
}

const rewindAfterEnd: PaperRule = {
  code: 'lottery-ticket/rewind-after-end',
  title: 'The rewind point must lie inside training',
  source: 'Frankle & Carbin 2019, §2 (Algorithm 1); open_lth lottery/desc.py',
  check(c) {
    const p = obj(c.prune);
    const rewind = int(p.rewind_to);
    const its = int(obj(c.train).iterations);
    if (rewind === undefined || its === undefined || rewind < its) return [];
    return [
      {
        path: ['prune', 'rewind_to'],
        target: 'value',
        severity: 'error',
        message: `rewind_to (${fmtInt(rewind)}) must be before the end of training (${fmtInt(its)} iterations): survivors are reset to the weights they had at that iteration.`,
        fixes: [
          {
            title: 'Rewind to the initialisation (0), as in the paper',
            edits: [{ kind: 'setValue', path: ['prune', 'rewind_to'], value: 0 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const roundsVsTarget: PaperRule = {
  code: 'lottery-ticket/rounds-vs-target',
  title: 'Enough rounds to reach the density asked for',
  source:
    'Frankle & Carbin 2019, §2: density after n rounds is (1 − rate)^n (Pm = 51.3, 21.1, 7.0, 3.6% ≈ 0.8^3, ^7, ^12, ^15)',
  check(c) {
    const p = obj(c.prune);
    const rate = obj(p.rate);
    const target = num(p.target_density);
    const rounds = int(p.rounds);
    const h = num(rate.hidden);
    const o = num(rate.output);
    const layers = mlpLayers(obj(c.model).hidden);
    if (
      target === undefined ||
      rounds === undefined ||
      h === undefined ||
      o === undefined ||
      !layers ||
      h <= 0 ||
      h >= 1 ||
      o <= 0 ||
      o >= 1
    )
      return [];
    const reached = densityAfter(layers, h, o, rounds);
    if (reached <= target + 1e-12) return [];
    const needed = roundsNeeded(layers, h, o, target);
    const rateText = `${pct(h)}${o !== h ? ` (${pct(o)} for the output layer)` : ''}`;
    const tail = needed === undefined ? 'even 200 rounds would not: raise the rates.' : `${needed} rounds are needed.`;
    return [
      {
        path: ['prune', 'rounds'],
        target: 'value',
        severity: 'error',
        message: `${rounds} rounds at ${rateText} reach ${pct(reached)} of weights, not the ${pct(target)} you asked for (target_density): ${tail}`,
        fixes:
          needed !== undefined && needed <= 40
            ? [
                {
                  title: `Prune for ${needed} rounds`,
                  edits: [{ kind: 'setValue', path: ['prune', 'rounds'], value: needed }],
                  preferred: true,
                },
              ]
            : undefined,
      },
    ];
  },
};

const outputRate: PaperRule = {
  code: 'lottery-ticket/output-rate',
  title: 'The output layer is pruned at half the hidden rate',
  source:
    'Frankle & Carbin 2019, §2 (output layer pruned at half the rate); google-research/lottery-ticket-hypothesis mnist_fc/constants.py',
  check(c) {
    const rate = obj(obj(c.prune).rate);
    const h = num(rate.hidden);
    const o = num(rate.output);
    if (h === undefined || o === undefined || o <= h) return [];
    return [
      {
        path: ['prune', 'rate', 'output'],
        target: 'value',
        severity: 'warning',
        message: `The output layer loses ${pct(o)} per round, more than the hidden layers (${pct(h)}). It is tiny (1,000 weights in LeNet-300-100) and every weight counts: the paper prunes it at half the hidden rate (${h / 2}).`,
        fixes: [
          {
            title: `Use half the hidden rate (${h / 2})`,
            edits: [{ kind: 'setValue', path: ['prune', 'rate', 'output'], value: h / 2 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const missingControl: PaperRule = {
  code: 'lottery-ticket/missing-control',
  title: 'The random-reinitialisation control',
  source: 'Frankle & Carbin 2019, §2 (Figure 4: winning tickets vs the same masks randomly reinitialised)',
  check(c) {
    const controls = c.controls;
    if (!Array.isArray(controls) || controls.includes('random_reinit')) return [];
    return [
      {
        path: ['controls'],
        severity: 'warning',
        message:
          "No `random_reinit` control: the paper's claim is that a ticket trains faster and better than the same mask with fresh random weights, and without that run the claim cannot be checked.",
        fixes: [
          {
            title: 'Add the control run the paper compares against (random_reinit)',
            edits: [
              {
                kind: 'setValue',
                path: ['controls'],
                value: ['random_reinit', ...controls.filter((x) => x !== 'random_reinit')],
              },
            ],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const noRounds: PaperRule = {
  code: 'lottery-ticket/no-rounds',
  title: 'Zero rounds train the dense network only',
  source: 'open_lth lottery/desc.py (levels = 0)',
  check(c) {
    if (int(obj(c.prune).rounds) !== 0) return [];
    return [
      {
        path: ['prune', 'rounds'],
        target: 'value',
        severity: 'info',
        code: 'lottery-ticket/no-rounds',
        message: '0 rounds trains the dense network only: no ticket is found and there is nothing to compare.',
        source: noRounds.source,
      },
    ];
  },
};

const evalResolution: PaperRule = {
  code: 'lottery-ticket/eval-resolution',
  title: 'Enough evaluations to locate the early-stop iteration',
  source: 'Frankle & Carbin 2019, Figure 4a (early-stop iteration = iteration of minimum validation loss)',
  check(c) {
    const t = obj(c.train);
    const every = int(t.eval_every);
    const its = int(t.iterations);
    if (every === undefined || its === undefined || every > its || its / every >= 10) return [];
    return [
      {
        path: ['train', 'eval_every'],
        target: 'value',
        severity: 'warning',
        message: `Only ${Math.floor(its / every)} evaluations per training: the early-stop iteration (Fig. 4a) can only be one of them. Evaluate at least 10 times (eval_every ≤ ${fmtInt(Math.floor(its / 10))}).`,
        fixes: [
          {
            title: `Evaluate every ${fmtInt(Math.max(1, Math.floor(its / 15)))} iterations`,
            edits: [{ kind: 'setValue', path: ['train', 'eval_every'], value: Math.max(1, Math.floor(its / 15)) }],
          },
        ],
      },
    ];
  },
};

const gapNotReached: PaperRule = {
  code: 'lottery-ticket/gap-not-reached',
  title: 'Prune far enough for the ticket/reinit gap to appear',
  source:
    'Frankle & Carbin 2019, §2 (Figure 4: reinitialised networks start losing accuracy at Pm = 21.1%; winning tickets only at 2.9%)',
  check(c) {
    const p = obj(c.prune);
    const rate = obj(p.rate);
    const rounds = int(p.rounds);
    const h = num(rate.hidden);
    const o = num(rate.output);
    const layers = mlpLayers(obj(c.model).hidden);
    if (
      rounds === undefined ||
      rounds === 0 ||
      h === undefined ||
      o === undefined ||
      !layers ||
      h <= 0 ||
      h >= 1 ||
      o <= 0 ||
      o >= 1
    )
      return [];
    if (!Array.isArray(c.controls) || !c.controls.includes('random_reinit')) return [];
    const reached = densityAfter(layers, h, o, rounds);
    if (reached <= 0.25) return [];
    const needed = roundsNeeded(layers, h, o, 0.212);
    return [
      {
        path: ['prune', 'rounds'],
        target: 'value',
        severity: 'info',
        message: `${rounds} round${rounds === 1 ? '' : 's'} leave ${pct(reached)} of the weights; in the paper the randomly reinitialised copies only start falling behind at 21.1%, so the ticket/reinit gap may not show yet.${needed !== undefined && needed <= 40 ? ` ${needed} rounds reach it.` : ''}`,
        fixes:
          needed !== undefined && needed <= 40
            ? [
                {
                  title: `Prune for ${needed} rounds`,
                  edits: [{ kind: 'setValue', path: ['prune', 'rounds'], value: needed }],
                },
              ]
            : undefined,
      },
    ];
  },
};

export const lotteryRules: PaperRule[] = [
  gapNotReached,
  rewindAfterEnd,
  roundsVsTarget,
  outputRate,
  missingControl,
  noRounds,
  evalResolution,
  ...imageDataRules,
  ...trainRules,
];
