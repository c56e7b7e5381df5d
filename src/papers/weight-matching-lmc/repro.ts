/**
 * The reproduction table for `npm run repro -- weight-matching-lmc`: the two end points, the loss
 * barrier on the naive and permuted paths, the L2 distance ratio per layer, and the singular-vector
 * alignment of the top and bottom ranks — beside what Ito et al. and git re-basin report (directions
 * only: the notes could not confirm numbers, §9(c)). Pure: reads events, no tfjs.
 */
import type { RunEvent, SummaryEvent } from '../../core/runs/events';
import type { ClaimCheck } from '../../core/repro/claims';

const f = (x: number | undefined, d = 3) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d));
const pct = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : `${(100 * x).toFixed(2)}%`);

export function reproTable(events: RunEvent[]): string {
  const sums = events.filter((e): e is SummaryEvent => e.type === 'summary');
  const path = (arm: string) =>
    sums
      .filter((s) => s.series.arm === arm && typeof s.series.lambda === 'number')
      .sort((a, b) => Number(a.series.lambda) - Number(b.series.lambda));
  const naive = path('naive');
  const permuted = path('permuted');
  if (!naive.length) return 'No path measurements in this run: it stopped before the two models were trained.';
  const totals = (arm: string) =>
    sums.find((s) => s.series.arm === arm && s.series.lambda === undefined && s.series.layer === undefined)?.values;
  const tn = totals('naive');
  const tp = totals('permuted');
  const out: string[] = [];
  out.push('| | naive (B as trained) | permuted (weight matching) |', '|---|---|---|');
  out.push(
    `| test loss / acc at λ=0 (model A) | ${f(naive[0].values.test_loss)} / ${pct(naive[0].values.test_acc)} | ${f(permuted[0]?.values.test_loss)} / ${pct(permuted[0]?.values.test_acc)} |`,
  );
  const mid = (p: SummaryEvent[]) =>
    p.reduce(
      (b, s) => (Math.abs(Number(s.series.lambda) - 0.5) < Math.abs(Number(b.series.lambda) - 0.5) ? s : b),
      p[0],
    );
  out.push(
    `| test loss / acc at λ=0.5 | ${f(mid(naive).values.test_loss)} / ${pct(mid(naive).values.test_acc)} | ${f(mid(permuted)?.values.test_loss)} / ${pct(mid(permuted)?.values.test_acc)} |`,
  );
  out.push(
    `| test loss / acc at λ=1 (model B) | ${f(naive.at(-1)!.values.test_loss)} / ${pct(naive.at(-1)!.values.test_acc)} | ${f(permuted.at(-1)?.values.test_loss)} / ${pct(permuted.at(-1)?.values.test_acc)} |`,
  );
  out.push(`| loss barrier (test) | ${f(tn?.barrier_test_loss)} | ${f(tp?.barrier_test_loss)} |`);
  out.push(`| loss barrier (train) | ${f(tn?.barrier_train_loss)} | ${f(tp?.barrier_train_loss)} |`);
  out.push(`| L2 distance ‖θA − θB‖ (all layers) | ${f(tn?.distance)} | ${f(tp?.distance)} |`);

  const layers = sums
    .filter((s) => s.series.layer !== undefined && s.values.distance_naive !== undefined)
    .sort((a, b) => Number(a.series.layer) - Number(b.series.layer));
  if (layers.length) {
    out.push('', '| layer | distance naive | distance permuted | ratio |', '|---|---|---|---|');
    for (const l of layers)
      out.push(
        `| ${l.series.layer} | ${f(l.values.distance_naive)} | ${f(l.values.distance_permuted)} | ${f(l.values.distance_ratio)} |`,
      );
  }

  const align = alignment(sums);
  if (align.length) {
    out.push(
      '',
      '| layer | mean \\|cos\\| of left singular vectors, top 10 ranks: naive → permuted | bottom half of ranks: naive → permuted |',
      '|---|---|---|',
    );
    for (const a of align)
      out.push(
        `| ${a.layer} | ${f(a.topNaive)} → ${f(a.topPermuted)} | ${f(a.bottomNaive)} → ${f(a.bottomPermuted)} |`,
      );
  }

  const barrierGone = tn && tp ? 1 - tp.barrier_test_loss / tn.barrier_test_loss : undefined;
  out.push('', '| claim | paper | this run |', '|---|---|---|');
  out.push(
    `| matching removes most of the barrier | yes (git re-basin: ≈ 0 for MNIST MLPs; number unconfirmed) | ${barrierGone === undefined ? '—' : `${(100 * barrierGone).toFixed(0)}% of the test-loss barrier removed (${f(tn!.barrier_test_loss)} → ${f(tp!.barrier_test_loss)})`} |`,
  );
  out.push(
    `| …while shortening the L2 distance only a little | yes (Ito et al.; number unconfirmed) | distance ratio ${f(tp?.distance_ratio)} |`,
  );
  out.push(
    '| matching aligns the large-singular-value directions | yes (Ito et al.) | see the top-10 vs bottom-half columns above |',
  );
  return out.join('\n');
}

interface Alignment {
  layer: number;
  topNaive: number;
  topPermuted: number;
  bottomNaive: number;
  bottomPermuted: number;
}

/** Per layer, the mean |cos| of matched left singular vectors over the top 10 ranks and the bottom half. */
function alignment(sums: SummaryEvent[]): Alignment[] {
  const sv = sums.filter((s) => typeof s.series.rank === 'number');
  const ls = [...new Set(sv.map((s) => Number(s.series.layer)))].sort((a, b) => a - b);
  return ls.map((layer) => {
    const of = (arm: string) =>
      sv
        .filter((s) => s.series.arm === arm && s.series.layer === layer)
        .sort((a, b) => Number(a.series.rank) - Number(b.series.rank));
    const mean = (xs: SummaryEvent[]) => xs.reduce((t, s) => t + s.values.cos_left, 0) / Math.max(1, xs.length);
    const n = of('naive');
    const p = of('permuted');
    const half = Math.floor(n.length / 2);
    return {
      layer,
      topNaive: mean(n.slice(0, 10)),
      topPermuted: mean(p.slice(0, 10)),
      bottomNaive: mean(n.slice(half)),
      bottomPermuted: mean(p.slice(half)),
    };
  });
}

/**
 * The claims as numbers per run, for the seed-spread rule (src/core/repro/claims.ts). The papers give
 * no number we could confirm (notes §9(c)), so the thresholds are the words of the claim:
 * - matching removes MOST of the test-loss barrier: 1 − permuted ÷ naive barrier > 0.5 (a naive
 *   barrier ≤ 0 leaves nothing to remove and counts as 0);
 * - while shortening the L2 distance only A LITTLE: ‖θA − πθB‖ ÷ ‖θA − θB‖ > 0.5, i.e. it removes less
 *   than half of the distance — the complement of "most" above, so the contrast the claim draws is the
 *   one tested;
 * - it aligns the large-singular-value directions, not the small ones: per layer, the gain in mean |cos|
 *   over the top 10 ranks minus the gain over the bottom half > 0 (Bonferroni over the layers).
 * Chosen from the claims' wording before any 3-seed run (the one-seed numbers in the docs were known).
 */
export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const sums = events.filter((e): e is SummaryEvent => e.type === 'summary');
  const totals = (arm: string) =>
    sums.find((s) => s.series.arm === arm && s.series.lambda === undefined && s.series.layer === undefined)?.values;
  const tn = totals('naive');
  const tp = totals('permuted');
  const out: ClaimCheck[] = [];
  if (tn && tp) {
    out.push({
      id: 'barrier-mostly-removed',
      claim: 'weight matching removes most of the test-loss barrier',
      tests: [
        {
          label: '1 − permuted ÷ naive test-loss barrier',
          value: tn.barrier_test_loss > 0 ? 1 - tp.barrier_test_loss / tn.barrier_test_loss : 0,
          op: '>',
          threshold: 0.5,
          percent: true,
          digits: 0,
        },
      ],
    });
    if (Number.isFinite(tp.distance_ratio))
      out.push({
        id: 'distance-shrinks-little',
        claim: '…while removing less than half of the L2 distance between the models',
        tests: [{ label: '‖θA − πθB‖ ÷ ‖θA − θB‖', value: tp.distance_ratio, op: '>', threshold: 0.5, digits: 2 }],
      });
  }
  // The output layer's left singular vectors live in the 10 class outputs, which matching never
  // permutes (only hidden units are), so they cannot move: the claim is about the hidden layers.
  const all = alignment(sums);
  const output = Math.max(...all.map((a) => Number(a.layer)));
  const align = all.filter((a) => Number(a.layer) !== output);
  for (const a of align)
    out.push({
      id: `aligns-top-singular-${a.layer}`,
      claim: `layer ${a.layer}: matching aligns the top singular vectors more than the bottom half`,
      tests: [
        {
          label: 'gain in mean |cos|, top 10 − bottom half',
          value: a.topPermuted - a.topNaive - (a.bottomPermuted - a.bottomNaive),
          op: '>',
          threshold: 0,
          digits: 3,
          family: align.length,
        },
      ],
    });
  return out;
}
