/**
 * The reproduction table for `npm run repro -- random-teachers`, from one run's events: the final k-NN
 * and linear probe accuracy of each student (by its init α), of the frozen random teacher and of raw
 * pixels; then the abstract's claims as numbers (`reproClaims`), with the notes' thresholds: the
 * student closest to the teacher beats the teacher by ≥ 3 pp, and beats the independent student
 * (α = 1) by ≥ 1 pp. Pure.
 */
import type { RunEvent, SummaryEvent } from '../../core/runs/events';
import { claimsMarkdown, type ClaimCheck } from '../common/claims';
import { pct } from '../common/repro';

const pp = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)} pp` : '—');

function read(events: RunEvent[]) {
  const students: { alpha: number; v: SummaryEvent['values'] }[] = [];
  const base = new Map<string, SummaryEvent['values']>();
  for (const e of events) {
    if (e.type !== 'summary') continue;
    if (e.series.probe === 'student') students.push({ alpha: Number(e.series.alpha), v: e.values });
    else base.set(String(e.series.arm), e.values);
  }
  students.sort((a, b) => a.alpha - b.alpha);
  return { students, teacher: base.get('teacher'), pixels: base.get('pixels') };
}

export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const { students, teacher } = read(events);
  const out: ClaimCheck[] = [];
  const close = students[0];
  const far = students.find((s) => s.alpha === 1);
  if (close && teacher)
    out.push({
      id: 'student-beats-teacher',
      claim: `the distilled student (α = ${close.alpha}) probes better than its random teacher`,
      tests: [
        {
          label: 'student − teacher k-NN',
          value: close.v.knn_acc - teacher.knn_acc,
          op: '>=',
          threshold: 0.03,
          points: true,
        },
      ],
    });
  if (close && far && close !== far)
    out.push({
      id: 'close-init-amplifies',
      claim: `a student initialised near the teacher (α = ${close.alpha}) learns more than an independent one (α = 1)`,
      tests: [
        { label: 'k-NN difference', value: close.v.knn_acc - far.v.knn_acc, op: '>=', threshold: 0.01, points: true },
      ],
    });
  return out;
}

export function reproTable(events: RunEvent[]): string {
  const { students, teacher, pixels } = read(events);
  if (!students.length) return 'No student finished distilling in this run.';
  const lines = ['| embedding | k-NN probe | linear probe | k-NN vs teacher |', '|---|---|---|---|'];
  if (pixels)
    lines.push(`| raw pixels | ${pct(pixels.knn_acc)} | — | ${teacher ? pp(pixels.knn_acc - teacher.knn_acc) : '—'} |`);
  if (teacher) lines.push(`| random teacher (frozen) | ${pct(teacher.knn_acc)} | ${pct(teacher.linear_acc)} | 0 |`);
  for (const s of students)
    lines.push(
      `| student, α = ${s.alpha}${s.alpha === 0 ? ' (copy of the teacher)' : s.alpha === 1 ? ' (independent)' : ''} | ${pct(s.v.knn_acc)} | ${pct(s.v.linear_acc)} | ${teacher ? pp(s.v.knn_acc - teacher.knn_acc) : '—'} |`,
    );
  lines.push(
    '',
    '| the paper (abstract; tables not read) | this run |',
    '|---|---|',
    `| "a strong improvement of the distilled student over its teacher in terms of probing accuracy" | best student ${pct(Math.max(...students.map((s) => s.v.knn_acc)))} vs teacher ${pct(teacher?.knn_acc)} (k-NN) |`,
    `| "feature learning is strongly amplified if the student is initialized closely to the teacher" | ${students.map((s) => `α ${s.alpha}: ${pct(s.v.knn_acc)}`).join(', ')} |`,
    '',
    claimsMarkdown(reproClaims(events)),
  );
  return lines.join('\n');
}
