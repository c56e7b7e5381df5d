/** Cross-field checks for the connectivity-rank setting, each citing the code line or section it comes from. */
import type { PaperRule } from '../../core/paper';
import { fmtInt } from '../common/rules';
import type { ConnectivityRankConfig } from './schema';

type Rule = PaperRule<ConnectivityRankConfig>;
const CODE = 'Liu et al. 2024, code BioRNN_RichLazy main.py';

const rankAboveHidden: Rule = {
  code: 'connectivity-rank/rank-above-hidden',
  title: 'A rank cannot exceed the number of units',
  source: `${CODE} L274–279 (U[:, :rr] diag(S[:rr]) VT[:rr] of the N×N draw: 1 ≤ r ≤ N)`,
  check({ model }) {
    const over = model.ranks.filter((r) => r > model.hidden);
    if (over.length === 0) return [];
    const kept = [...new Set(model.ranks.map((r) => Math.min(r, model.hidden)))];
    return [
      {
        path: ['model', 'ranks'],
        target: 'value',
        severity: 'error',
        message: `Rank${over.length > 1 ? 's' : ''} ${over.map(fmtInt).join(', ')} above N = ${fmtInt(model.hidden)}: an N×N matrix has rank at most N. Use ranks between 1 and ${fmtInt(model.hidden)}.`,
        fixes: [
          {
            title: `Cap the ranks at ${fmtInt(model.hidden)}`,
            edits: [{ kind: 'setValue', path: ['model', 'ranks'], value: kept }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const noFullRank: Rule = {
  code: 'connectivity-rank/no-full-rank',
  title: 'The sweep needs the full-rank network and a low rank to compare',
  source: `${CODE} L222–230 (every rank list ends with hidden_size and starts at rank 1 or 5)`,
  check({ model }) {
    const ranks = model.ranks.map((r) => Math.min(r, model.hidden));
    const hasFull = ranks.includes(model.hidden);
    const hasLow = ranks.some((r) => r <= Math.max(1, model.hidden / 10));
    if (hasFull && hasLow) return [];
    const want = [...new Set([1, ...ranks, model.hidden])].sort((a, b) => a - b);
    return [
      {
        path: ['model', 'ranks'],
        target: 'value',
        severity: 'warning',
        message: `${hasFull ? '' : `No rank equals N = ${fmtInt(model.hidden)} (the random full-rank network the paper compares against). `}${hasLow ? '' : `No rank at or below N/10 = ${fmtInt(Math.max(1, Math.floor(model.hidden / 10)))} (the low-rank end). `}The claim is about low against full rank at equal norm.`,
        fixes: [
          {
            title: `Use ranks [${want.join(', ')}]`,
            edits: [{ kind: 'setValue', path: ['model', 'ranks'], value: want }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const kernelTooLarge: Rule = {
  code: 'connectivity-rank/kernel-too-large',
  title: 'The tangent kernel must fit in memory',
  source: `${CODE} L296–305 (K₀ from one gradient of W_rec per step, trial and output: ≈ 0.28 GB at N = 300); the 2 GB cut-off is ours`,
  check({ model, task, probe }) {
    const trials = Math.min(probe.kernel_trials, probe.trials);
    const rows = trials * (task.stimulus_steps + 1) * 3;
    // The Jacobian (rows × N²) and the per-trial copies of W_rec, as float32.
    const bytes = 4 * (rows * model.hidden ** 2 + trials * model.hidden ** 2 * 2);
    if (bytes <= 2e9) return [];
    const fit = Math.max(1, Math.floor(2e9 / 4 / model.hidden ** 2 / ((task.stimulus_steps + 1) * 3 + 2)));
    return [
      {
        path: ['probe', 'kernel_trials'],
        target: 'value',
        severity: 'error',
        message: `The tangent kernel's Jacobian would take ${(bytes / 1e9).toFixed(1)} GB (${fmtInt(rows)} rows × N² = ${fmtInt(model.hidden ** 2)} weights). Use at most ${fmtInt(fit)} kernel trials at N = ${fmtInt(model.hidden)}.`,
        fixes: [
          {
            title: `Use ${fmtInt(fit)} kernel trials`,
            edits: [{ kind: 'setValue', path: ['probe', 'kernel_trials'], value: fit }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const tooShort: Rule = {
  code: 'connectivity-rank/too-short',
  title: 'The network must learn the task before laziness means anything',
  source: `${CODE} L31 (10,000 iterations) and L36 (lr 0.003); the cut-off lr × steps ≥ 1.5 (500 steps at the code's lr) is ours`,
  check({ train }) {
    if (train.iterations * train.lr >= 1.5) return [];
    const need = Math.ceil(1.5 / train.lr);
    return [
      {
        path: ['train', 'iterations'],
        target: 'value',
        severity: 'warning',
        message: `${fmtInt(train.iterations)} steps at lr ${train.lr} (lr × steps = ${(train.iterations * train.lr).toFixed(2)}): the network may not have learned the task, and a net that has barely moved looks lazy at every rank. Train at least ${fmtInt(need)} steps.`,
        fixes: [
          {
            title: `Train ${fmtInt(need)} steps`,
            edits: [{ kind: 'setValue', path: ['train', 'iterations'], value: Math.min(100_000, need) }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const kernelBeyondProbe: Rule = {
  code: 'connectivity-rank/kernel-beyond-probe',
  title: 'Kernel trials are taken from the probe trials',
  source: `${CODE} L251 and L297–298 (the kernel uses the first batch of the 10-batch probe set)`,
  check({ probe }) {
    if (probe.kernel_trials <= probe.trials) return [];
    return [
      {
        path: ['probe', 'kernel_trials'],
        target: 'value',
        severity: 'warning',
        message: `kernel_trials (${fmtInt(probe.kernel_trials)}) > trials (${fmtInt(probe.trials)}): only ${fmtInt(probe.trials)} are used.`,
        fixes: [
          {
            title: `Use ${fmtInt(probe.trials)} kernel trials`,
            edits: [{ kind: 'setValue', path: ['probe', 'kernel_trials'], value: probe.trials }],
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [rankAboveHidden, noFullRank, kernelTooLarge, tooShort, kernelBeyondProbe];
