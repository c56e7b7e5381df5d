/**
 * The reproduction table for `npm run repro -- lottery-ticket`: per pruning round, % of weights
 * remaining, the early-stop iteration (minimum validation loss) and the test accuracy there, for the
 * winning ticket and its random reinitialisation; then the paper's §2 comparisons computed on our run
 * beside the paper's own numbers (Frankle & Carbin 2019, §2; notes pruning-lottery.md §1(c)).
 * Pure: reads events, no tfjs.
 */
import type { RunEvent, SummaryEvent } from '../../core/runs/events';

interface Row {
  round: number;
  density: number;
  ticket?: SummaryEvent['values'];
  reinit?: SummaryEvent['values'];
  mask?: SummaryEvent['values'];
}

const pct = (x: number | undefined, d = 1) => (x === undefined || Number.isNaN(x) ? '—' : `${(100 * x).toFixed(d)}%`);
const num = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : String(Math.round(x)));

function rows(events: RunEvent[]): Row[] {
  const byRound = new Map<number, Row>();
  for (const e of events) {
    if (e.type !== 'summary') continue;
    const round = Number(e.series.round ?? 0);
    const row = byRound.get(round) ?? { round, density: Number(e.series.density ?? e.values.density ?? 1) };
    if (e.series.arm === 'ticket') row.ticket = e.values;
    if (e.series.arm === 'random_reinit') row.reinit = e.values;
    if (e.series.arm === 'random_mask') row.mask = e.values;
    byRound.set(round, row);
  }
  return [...byRound.values()].sort((a, b) => a.round - b.round);
}

/** The row whose density is closest to `d` (log scale), excluding the dense round. */
function nearest(rs: Row[], d: number): Row | undefined {
  return rs
    .filter((r) => r.round > 0)
    .sort((a, b) => Math.abs(Math.log(a.density / d)) - Math.abs(Math.log(b.density / d)))[0];
}

export function reproTable(events: RunEvent[]): string {
  const rs = rows(events);
  if (!rs.length) return 'No summary events in this run: it stopped before the first training finished.';
  const hasMask = rs.some((r) => r.mask);
  const head = [
    'round',
    '% weights remaining',
    'ticket: early-stop iter',
    'ticket: test acc @ES',
    'reinit: early-stop iter',
    'reinit: test acc @ES',
    ...(hasMask ? ['random mask: test acc @ES'] : []),
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rs) {
    const dense = r.round === 0;
    lines.push(
      `| ${r.round} | ${pct(r.density)} | ${num(r.ticket?.early_stop_iter)} | ${pct(r.ticket?.test_acc_at_early_stop, 2)} | ${dense ? '(same net)' : num(r.reinit?.early_stop_iter)} | ${dense ? '(same net)' : pct(r.reinit?.test_acc_at_early_stop, 2)} |${hasMask ? ` ${dense ? '(same net)' : pct(r.mask?.test_acc_at_early_stop, 2)} |` : ''}`,
    );
  }
  const dense = rs.find((r) => r.round === 0)?.ticket;
  const at21 = nearest(rs, 0.211);
  const cmp: string[] = [
    '',
    '| comparison (paper §2, LeNet-300-100, 50K iterations) | paper | this run |',
    '|---|---|---|',
  ];
  if (dense && at21?.ticket) {
    const earlier = 1 - at21.ticket.early_stop_iter / dense.early_stop_iter;
    cmp.push(
      `| early stop of the ticket at Pm≈21% vs the dense net | 38% earlier | ${(100 * earlier).toFixed(0)}% ${earlier >= 0 ? 'earlier' : 'later'} (at ${pct(at21.density)}) |`,
    );
    cmp.push(
      `| test accuracy of the ticket at Pm≈21% minus dense | ≥ 0 (higher down to 13.5%) | ${((at21.ticket.test_acc_at_early_stop - dense.test_acc_at_early_stop) * 100).toFixed(2)} pp |`,
    );
  }
  if (at21?.ticket && at21.reinit) {
    const speed = at21.reinit.early_stop_iter / Math.max(1, at21.ticket.early_stop_iter);
    cmp.push(`| reinit early-stop iter ÷ ticket's, at Pm≈21% | 2.51× | ${speed.toFixed(2)}× |`);
    cmp.push(
      `| ticket minus reinit test accuracy at Pm≈21% | +0.5 pp | ${((at21.ticket.test_acc_at_early_stop - at21.reinit.test_acc_at_early_stop) * 100).toFixed(2)} pp |`,
    );
  }
  const last = rs[rs.length - 1];
  if (last.ticket && last.reinit && last.round > 0) {
    cmp.push(
      `| ticket minus reinit test accuracy at the smallest density (${pct(last.density)}) | reinit loses accuracy from 21.1% down, tickets only at 2.9% | ${((last.ticket.test_acc_at_early_stop - last.reinit.test_acc_at_early_stop) * 100).toFixed(2)} pp |`,
    );
  }
  return [...lines, ...(cmp.length > 3 ? cmp : [])].join('\n');
}
