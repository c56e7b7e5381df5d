/**
 * Small pieces the papers' repro tables share (pure): a percentage cell and the last summary of each arm.
 */
import type { RunEvent, SummaryEvent } from '../../core/runs/events';

/** A fraction as a percentage cell; '—' when missing or not finite. */
export const pct = (x: number | undefined, digits = 1): string =>
  x === undefined || !Number.isFinite(x) ? '—' : `${(100 * x).toFixed(digits)}%`;

/** The values of each arm's last summary event, by `series.arm`. */
export function summariesByArm(events: RunEvent[]): Map<string, SummaryEvent['values']> {
  const m = new Map<string, SummaryEvent['values']>();
  for (const e of events) if (e.type === 'summary') m.set(String(e.series.arm), e.values);
  return m;
}
