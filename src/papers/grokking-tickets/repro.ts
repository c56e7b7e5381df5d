/**
 * The reproduction table for `npm run repro -- grokking-tickets`: per arm, the epoch it memorized and
 * the epoch it generalized, beside the paper's approximate epochs read off its Fig. 1 (notes §6(c),
 * unconfirmed). Pure: reads events, no tfjs.
 */
import type { RunEvent, SummaryEvent } from '../../core/runs/events';

const PAPER: Record<string, string> = {
  dense: '≈ 25k (approx., fig1.png)',
  ticket: '≈ 6k (approx., fig1.png)',
  random_mask: 'no speed-up (abstract)',
  norm_matched_dense: 'slower than the ticket (abstract: "same L1 and L2 norms"); number ✗',
  norm_matched_dense_l1: 'slower than the ticket (abstract: "same L1 and L2 norms"); number ✗',
  ticket_no_weight_decay: 'groks without weight decay at the right density (abstract)',
};

export function reproTable(events: RunEvent[]): string {
  const sums = events.filter((e): e is SummaryEvent => e.type === 'summary');
  if (!sums.length) return 'No summary events in this run: it stopped before the dense network finished.';
  const head =
    '| arm | weights kept | memorized at epoch | generalized at epoch | final test acc | paper (generalization epoch) |';
  const lines = [head, '|---|---|---|---|---|---|'];
  for (const s of sums) {
    const v = s.values;
    const gen = v.generalization_epoch;
    lines.push(
      `| ${String(s.series.arm).replace(/_/g, ' ')} | ${(Number(s.series.density) * 100).toFixed(1)}% | ${v.memorization_epoch ?? '—'} | ${gen ?? `not within ${v.epochs_trained}`} | ${(v.final_test_acc * 100).toFixed(1)}% | ${PAPER[String(s.series.arm)] ?? ''} |`,
    );
  }
  const ran = (arm: string) => sums.some((s) => s.series.arm === arm);
  const of = (arm: string) => sums.find((s) => s.series.arm === arm)?.values.generalization_epoch;
  const d = of('dense');
  const t = of('ticket');
  const r = of('random_mask');
  const n = of('norm_matched_dense');
  const n1 = of('norm_matched_dense_l1');
  const never = (arm: string) =>
    `did not generalize within ${sums.find((s) => s.series.arm === arm)?.values.epochs_trained} epochs`;
  lines.push('', '| claim | paper | this run |', '|---|---|---|');
  const ratio = (x: number | undefined, arm: string) =>
    !ran(arm) ? 'not run' : x === undefined ? never(arm) : d ? `${(x / d).toFixed(2)}` : 'dense did not generalize';
  lines.push(`| ticket / dense epochs to generalize | ≈ 0.24 (6k / 25k, approximate) | ${ratio(t, 'ticket')} |`);
  lines.push(`| random mask at init / dense epochs (no speed-up expected) | ≥ 1 | ${ratio(r, 'random_mask')} |`);
  // The abstract's control: a dense net with the ticket's weight norm; the ticket should still be faster.
  const vsNorm = (arm: string, m: number | undefined) =>
    !ran(arm) || !ran('ticket')
      ? 'not run'
      : t === undefined
        ? never('ticket')
        : m === undefined
          ? `ticket generalized, the norm-matched dense net ${never(arm)}`
          : `${(t / m).toFixed(2)} (${t} vs ${m})`;
  lines.push(
    `| ticket / norm-matched dense epochs | < 1: "the subnetworks generalize faster than the controlled dense model" (abstract; number ✗) | ${vsNorm('norm_matched_dense', n)} |`,
  );
  if (ran('norm_matched_dense_l1'))
    lines.push(
      `| ticket / L1-norm-matched dense epochs | < 1 (abstract: "same L1 and L2 norms"; number ✗) | ${vsNorm('norm_matched_dense_l1', n1)} |`,
    );
  return lines.join('\n');
}
