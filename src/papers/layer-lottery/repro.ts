/**
 * The reproduction table for `npm run repro -- layer-lottery` (residual-MLP stand-in): per p the
 * accuracy change vs the full net for each criterion and for unit pruning at the same FLOPs, with the
 * CPU speed-up per step and the FLOPs reduction; the paper's Table 2 Δ values beside ours (from the
 * research notes, unconfirmed); then the claims as numbers. Pure: reads events.
 */
import type { RunEvent } from '../../core/runs/events';
import { claimsRows, type ClaimCheck } from '../common/claims';
import { pointsCell as pp, summaryEvents } from '../common/tables';
import { references } from './references';

const paperDelta = (crit: string, p: number) => references.find((r) => r.id === `ll-${crit}-p${p}`)?.y;

const sums = (events: RunEvent[]) => summaryEvents(events);

export function reproTable(events: RunEvent[]): string {
  const ss = sums(events);
  const full = ss.find((s) => s.series.arm === 'full')?.values;
  if (!full) return 'No summary events in this run: it stopped before the full network finished.';
  const lines = [
    `Full network: ${(100 * full.final_test_acc).toFixed(2)}% test accuracy, ${full.cpu_ms_per_step.toFixed(2)} ms CPU per step.`,
    '',
    '| p | arm · criterion | blocks removed | Δ test acc vs full | paper Δ (ResNet32, unconfirmed) | FLOPs reduction | CPU speed-up |',
    '|---|---|---|---|---|---|---|',
  ];
  const rows = ss
    .filter((s) => s.series.arm !== 'full')
    .sort((a, b) => Number(a.series.blocks_removed) - Number(b.series.blocks_removed));
  for (const s of rows) {
    const p = Number(s.series.blocks_removed);
    const crit = String(s.series.criterion);
    const pd = s.series.arm === 'blocks' ? paperDelta(crit, p) : undefined;
    lines.push(
      `| ${p} | ${s.series.arm} · ${crit} | ${s.series.removed ?? '— (units)'} | ${pp(s.values.delta_vs_full)} | ${pd === undefined ? '—' : pp(pd)} | ${(100 * s.values.flops_reduction).toFixed(1)}% | ${s.values.speedup_cpu.toFixed(2)}× |`,
    );
  }
  return [...lines, ...claimsRows(reproClaims(events))].join('\n');
}

/**
 * next-batches.md §A2's predictions for this stand-in: GraSP at p = 2 ends within −0.5 pp of the full
 * net and trains ≥ 1.3× faster per step; unit pruning to p = 4's FLOPs loses ≥ 1 pp more than GraSP
 * block removal at p = 4; and the paper's sign pattern, GraSP ≥ SNIP at every p.
 */
export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const ss = sums(events);
  const get = (arm: string, crit: string, p: number) =>
    ss.find((s) => s.series.arm === arm && s.series.criterion === crit && Number(s.series.blocks_removed) === p)
      ?.values;
  const out: ClaimCheck[] = [];
  const g2 = get('blocks', 'grasp', 2);
  if (g2)
    out.push({
      id: 'grasp-p2-wins',
      claim: 'GraSP, p = 2: within −0.5 pp of the full net (a winning ticket) and ≥ 1.3× faster per step',
      tests: [
        { label: 'Δ vs full', value: g2.delta_vs_full, op: '>', threshold: -0.005, points: true },
        { label: 'CPU speed-up', value: g2.speedup_cpu, op: '>=', threshold: 1.3, digits: 2 },
      ],
    });
  for (const u of ss.filter((s) => s.series.arm === 'units')) {
    const p = Number(u.series.blocks_removed);
    const b = get('blocks', 'grasp', p);
    if (b)
      out.push({
        id: `units-lose-p${p}`,
        claim: `same FLOPs as p = ${p}: pruning units loses ≥ 1 pp more than removing blocks (GraSP)`,
        tests: [
          {
            label: 'blocks Δ − units Δ',
            value: b.delta_vs_full - u.values.delta_vs_full,
            op: '>=',
            threshold: 0.01,
            points: true,
          },
        ],
      });
  }
  for (const p of [...new Set(ss.map((s) => Number(s.series.blocks_removed)))].filter((p) => p > 0)) {
    const g = get('blocks', 'grasp', p);
    const s = get('blocks', 'snip', p);
    if (g && s)
      out.push({
        id: `grasp-over-snip-p${p}`,
        claim: `p = ${p}: GraSP's blocks train at least as well as SNIP's (the paper's Table 2 ordering)`,
        tests: [
          {
            label: 'GraSP Δ − SNIP Δ',
            value: g.delta_vs_full - s.delta_vs_full,
            op: '>=',
            threshold: 0,
            points: true,
          },
        ],
      });
  }
  return out;
}
