/**
 * Cells and event selections shared by the papers' repro tables (repro.ts). A cell prints a missing or
 * non-finite number as "—", so that a run stopped early still gives a readable table; the seeds runner
 * merges cells of several seeds number by number (src/core/repro/seeds.ts on the sweep branch), so a
 * cell keeps its shape whatever its value.
 */
import type { RunEvent, SummaryEvent } from '../../core/runs/events';

/** A fraction as a percentage: 0.8512 → "85.12%". */
export function percentCell(x: number | undefined, digits = 2): string {
  return x === undefined || !Number.isFinite(x) ? '—' : `${(100 * x).toFixed(digits)}%`;
}

/** A difference of fractions in percentage points, signed: 0.0123 → "+1.23 pp". */
export function pointsCell(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? '—' : `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)} pp`;
}

/** The run's summary events, those tagged `kind` when given. */
export function summaryEvents(events: RunEvent[], kind?: string): SummaryEvent[] {
  return events.filter(
    (e): e is SummaryEvent => e.type === 'summary' && (kind === undefined || e.series.kind === kind),
  );
}
