/**
 * The reproduction table for `npm run repro -- learngene-sws`, from one run's events: per descendant
 * depth, the test accuracy after tuning of each init (and of the long from-scratch reference); the
 * teacher and auxiliary nets; parameters stored; then the claims as numbers (`reproClaims`, the notes'
 * thresholds): SWS after one epoch ≥ scratch after one epoch + 3 pp at every depth, and ≥ the learngene
 * learned without sharing. Pure.
 */
import type { RunEvent, SummaryEvent } from '../../core/runs/events';
import { claimsMarkdown, type ClaimCheck } from '../common/claims';
import { pct } from '../common/repro';

function read(events: RunEvent[]) {
  const desc = new Map<number, Map<string, SummaryEvent['values']>>();
  const other = new Map<string, SummaryEvent['values']>();
  for (const e of events) {
    if (e.type !== 'summary') continue;
    if (e.series.stat === 'descendant') {
      const d = Number(e.series.depth);
      const m = desc.get(d) ?? new Map<string, SummaryEvent['values']>();
      m.set(String(e.series.arm), e.values);
      desc.set(d, m);
    } else other.set(String(e.series.arm), e.values);
  }
  return { desc: [...desc.entries()].sort((a, b) => a[0] - b[0]), other };
}

export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const { desc } = read(events);
  const out: ClaimCheck[] = [];
  const tests = (a: string, b: string, threshold: number) =>
    desc
      .filter(([, m]) => m.has(a) && m.has(b))
      .map(([d, m]) => ({
        label: `depth ${d}`,
        value: m.get(a)!.test_acc - m.get(b)!.test_acc,
        op: '>=' as const,
        threshold,
        points: true,
      }));
  const vsScratch = tests('sws', 'scratch', 0.03);
  if (vsScratch.length)
    out.push({
      id: 'sws-beats-scratch',
      claim: 'SWS init beats random init after the same tuning, at every depth',
      tests: vsScratch,
    });
  const vsUntied = tests('sws', 'learngene_untied', 0);
  if (vsUntied.length)
    out.push({
      id: 'sharing-guides',
      claim: 'learning the learngene with stage-wise sharing helps its expansion (vs no sharing)',
      tests: vsUntied,
    });
  const vsLong = tests('sws', 'scratch_long', 0);
  if (vsLong.length)
    out.push({
      id: 'one-epoch',
      claim: 'SWS after the short tuning matches random init trained longer',
      tests: vsLong,
    });
  return out;
}

export function reproTable(events: RunEvent[]): string {
  const { desc, other } = read(events);
  if (!desc.length) return 'No descendant finished tuning in this run.';
  const arms = ['sws', 'learngene_untied', 'scratch', 'scratch_long'].filter((a) => desc.some(([, m]) => m.has(a)));
  const epochsOf = (a: string) => desc.find(([, m]) => m.has(a))?.[1].get(a)?.epochs;
  const lines = [
    `| depth (blocks) | ${arms.map((a) => `${a} (${epochsOf(a)} ep.)`).join(' | ')} |`,
    `|---|${arms.map(() => '---').join('|')}|`,
    ...desc.map(([d, m]) => `| ${d} | ${arms.map((a) => pct(m.get(a)?.test_acc)).join(' | ')} |`),
    '',
    `Teacher ${pct(other.get('teacher')?.test_acc)}; auxiliary net (tied) ${pct(other.get('aux')?.test_acc)}${other.has('aux_untied') ? `, untied ${pct(other.get('aux_untied')?.test_acc)}` : ''}.`,
  ];
  const st = other.get('storage');
  if (st)
    lines.push(
      `Parameters stored to initialise all ${desc.length} descendants: learngene ${st.learngene_parameters.toLocaleString('en-US')} vs one pretrained model per size ${st.pretrained_descendants_parameters.toLocaleString('en-US')} (${st.ratio.toFixed(1)}×; paper ≈ 20× for its range of ViTs).`,
    );
  lines.push(
    '',
    '| the paper (abstract; ImageNet-1K, tables not read) | this run |',
    '|---|---|',
    `| consistently better than models trained from scratch | ${desc.map(([d, m]) => `depth ${d}: ${pct(m.get('sws')?.test_acc)} vs ${pct(m.get('scratch')?.test_acc)}`).join('; ')} |`,
    `| "in some cases, SWS performs better only after 1 epoch tuning" | vs scratch_long: ${desc.map(([d, m]) => `depth ${d}: ${pct(m.get('scratch_long')?.test_acc)}`).join('; ')} |`,
    '',
    claimsMarkdown(reproClaims(events)),
  );
  return lines.join('\n');
}
