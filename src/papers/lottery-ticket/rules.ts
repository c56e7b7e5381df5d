/** What the lottery-ticket paper implies across fields (pruning-lottery.md §1), each rule citing its source. */
import type { PaperRule } from '../../core/paper';
import { fmtInt, imageDataRules, mlpLayers, pct, trainRules, type Layer } from '../common/rules';
import type { LotteryTicketConfig } from './schema';

type Rule = PaperRule<LotteryTicketConfig>;

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

const rewindAfterEnd: Rule = {
  code: 'lottery-ticket/rewind-after-end',
  title: 'The rewind point must lie inside training',
  source: 'Frankle & Carbin 2019, §2 (Algorithm 1); open_lth lottery/desc.py',
  check({ prune, train }) {
    if (prune.rewind_to < train.iterations) return [];
    return [
      {
        path: ['prune', 'rewind_to'],
        target: 'value',
        severity: 'error',
        message: `rewind_to (${fmtInt(prune.rewind_to)}) must be before the end of training (${fmtInt(train.iterations)} iterations): survivors are reset to the weights they had at that iteration.`,
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

const roundsVsTarget: Rule = {
  code: 'lottery-ticket/rounds-vs-target',
  title: 'Enough rounds to reach the density asked for',
  source:
    'Frankle & Carbin 2019, §2: density after n rounds is (1 − rate)^n (Pm = 51.3, 21.1, 7.0, 3.6% ≈ 0.8^3, ^7, ^12, ^15)',
  check({ prune, model }) {
    const { target_density: target, rounds, rate } = prune;
    const layers = mlpLayers(model.hidden);
    if (target === undefined || !layers) return [];
    const reached = densityAfter(layers, rate.hidden, rate.output, rounds);
    if (reached <= target + 1e-12) return [];
    const needed = roundsNeeded(layers, rate.hidden, rate.output, target);
    const rateText = `${pct(rate.hidden)}${rate.output !== rate.hidden ? ` (${pct(rate.output)} for the output layer)` : ''}`;
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

const outputRate: Rule = {
  code: 'lottery-ticket/output-rate',
  title: 'The output layer is pruned at half the hidden rate',
  source:
    'Frankle & Carbin 2019, §2 (output layer pruned at half the rate); google-research/lottery-ticket-hypothesis mnist_fc/constants.py',
  check({ prune: { rate } }) {
    if (rate.output <= rate.hidden) return [];
    const half = rate.hidden / 2;
    return [
      {
        path: ['prune', 'rate', 'output'],
        target: 'value',
        severity: 'warning',
        message: `The output layer loses ${pct(rate.output)} per round, more than the hidden layers (${pct(rate.hidden)}). It is tiny (1,000 weights in LeNet-300-100) and every weight counts: the paper prunes it at half the hidden rate (${half}).`,
        fixes: [
          {
            title: `Use half the hidden rate (${half})`,
            edits: [{ kind: 'setValue', path: ['prune', 'rate', 'output'], value: half }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const missingControl: Rule = {
  code: 'lottery-ticket/missing-control',
  title: 'The random-reinitialisation control',
  source: 'Frankle & Carbin 2019, §2 (Figure 4: winning tickets vs the same masks randomly reinitialised)',
  check({ controls }) {
    if (controls.includes('random_reinit')) return [];
    return [
      {
        path: ['controls'],
        severity: 'warning',
        message:
          "No `random_reinit` control: the paper's claim is that a ticket trains faster and better than the same mask with fresh random weights, and without that run the claim cannot be checked.",
        fixes: [
          {
            title: 'Add the control run the paper compares against (random_reinit)',
            edits: [{ kind: 'setValue', path: ['controls'], value: ['random_reinit', ...controls] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const noRounds: Rule = {
  code: 'lottery-ticket/no-rounds',
  title: 'Zero rounds train the dense network only',
  source: 'open_lth lottery/desc.py (levels = 0)',
  check({ prune }) {
    if (prune.rounds !== 0) return [];
    return [
      {
        path: ['prune', 'rounds'],
        target: 'value',
        severity: 'info',
        message: '0 rounds trains the dense network only: no ticket is found and there is nothing to compare.',
      },
    ];
  },
};

const evalResolution: Rule = {
  code: 'lottery-ticket/eval-resolution',
  title: 'Enough evaluations to locate the early-stop iteration',
  source: 'Frankle & Carbin 2019, Figure 4a (early-stop iteration = iteration of minimum validation loss)',
  check({ train: { eval_every: every, iterations: its } }) {
    if (every > its || its / every >= 10) return [];
    const suggested = Math.max(1, Math.floor(its / 15));
    return [
      {
        path: ['train', 'eval_every'],
        target: 'value',
        severity: 'warning',
        message: `Only ${Math.floor(its / every)} evaluations per training: the early-stop iteration (Fig. 4a) can only be one of them. Evaluate at least 10 times (eval_every ≤ ${fmtInt(Math.floor(its / 10))}).`,
        fixes: [
          {
            title: `Evaluate every ${fmtInt(suggested)} iterations`,
            edits: [{ kind: 'setValue', path: ['train', 'eval_every'], value: suggested }],
          },
        ],
      },
    ];
  },
};

const gapNotReached: Rule = {
  code: 'lottery-ticket/gap-not-reached',
  title: 'Prune far enough for the ticket/reinit gap to appear',
  source:
    'Frankle & Carbin 2019, §2 (Figure 4: reinitialised networks start losing accuracy at Pm = 21.1%; winning tickets only at 2.9%)',
  check({ prune: { rounds, rate }, model, controls }) {
    const layers = mlpLayers(model.hidden);
    if (rounds === 0 || !layers || !controls.includes('random_reinit')) return [];
    const reached = densityAfter(layers, rate.hidden, rate.output, rounds);
    if (reached <= 0.25) return [];
    const needed = roundsNeeded(layers, rate.hidden, rate.output, 0.212);
    const reachable = needed !== undefined && needed <= 40;
    return [
      {
        path: ['prune', 'rounds'],
        target: 'value',
        severity: 'info',
        message: `${rounds} round${rounds === 1 ? '' : 's'} leave ${pct(reached)} of the weights; in the paper the randomly reinitialised copies only start falling behind at 21.1%, so the ticket/reinit gap may not show yet.${reachable ? ` ${needed} rounds reach it.` : ''}`,
        fixes: reachable
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

export const lotteryRules: Rule[] = [
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
