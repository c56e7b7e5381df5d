/**
 * Words for an estimate. Rounded coarsely on purpose: the speed of a shared machine varies by tens of
 * percent from run to run, and "~6 min" promises no more than that.
 */
import type { RunEstimate } from './estimate';

/**
 * A duration in words, the one formatter of the extension, CLI and status bar. `approx` (estimates and
 * times left): `~40 s`, `~6 min`, `~1.5 h`. `clock` (a terminal's progress bar, which ticks): `45s`,
 * `6m05s`. Empty for a time that is not known.
 */
export function formatDuration(seconds: number, style: 'approx' | 'clock' = 'approx'): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  if (style === 'clock') {
    const total = Math.round(seconds);
    const m = Math.floor(total / 60);
    return m ? `${m}m${String(total % 60).padStart(2, '0')}s` : `${total}s`;
  }
  const tens = Math.max(10, Math.round(seconds / 10) * 10);
  if (tens < 60) return `~${tens} s`;
  const min = seconds / 60;
  if (Math.round(min) < 60) return `~${Math.max(1, Math.round(min))} min`;
  const h = min / 60;
  return `~${h < 10 ? Math.round(h * 10) / 10 : Math.round(h)} h`;
}

/** What the estimate rests on, for a tooltip: the researcher decides how much to trust it. */
export function describeBasis(e: Pick<RunEstimate, 'basis' | 'n'>): string {
  if (e.basis === 'default')
    return 'No finished runs here yet: estimated at a default speed (the WebAssembly backend on a small, busy machine). It improves after your first run.';
  return `Estimated from the median speed of ${e.n} past run${e.n === 1 ? '' : 's'} on this machine (work per second, any paper).`;
}

/** The same in a few words, for a terminal line. */
export function describeBasisShort(e: Pick<RunEstimate, 'basis' | 'n'>): string {
  return e.basis === 'default'
    ? 'default speed: no finished runs here yet'
    : `median speed of ${e.n} past run${e.n === 1 ? '' : 's'} here`;
}
