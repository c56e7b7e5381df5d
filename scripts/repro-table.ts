// Prints a paper's reproduction table: `node --import tsx scripts/repro-table.ts <paper-id> <run-dir | sweep-dir>`.
// For a run folder, the paper's table for that run (saved as repro.md in it). For a sweep folder (the
// seeds of `npm run repro`), the same table over the sweep's completed cells — numbers as mean ± sd,
// claims judged by the seed-spread rule (src/core/repro/) — saved as repro.md in the sweep folder.
// The table builder is `reproTable(events)` in src/papers/<id>/repro.ts (pure: no tfjs); its claims
// as numbers, `reproClaims(events)`, where the paper has them.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readMetricsSync, readManifest } from '../src/core/runs/folder';
import { readSweepFile, runsDirOfSweep } from '../src/core/sweep/folder';
import { seedsReport, type SeedRun } from '../src/core/repro/seeds';
import type { RunEvent } from '../src/core/runs/events';
import type { ClaimCheck } from '../src/core/repro/claims';

void (async () => {
  const [id, dir] = process.argv.slice(2);
  const mod = await import(`../src/papers/${id}/repro.ts`).catch(() => undefined);
  const reproTable: ((e: RunEvent[]) => string) | undefined = mod?.reproTable ?? mod?.default?.reproTable;
  const reproClaims: ((e: RunEvent[]) => ClaimCheck[]) | undefined = mod?.reproClaims ?? mod?.default?.reproClaims;
  if (typeof reproTable !== 'function') {
    console.error(`Paper "${id}" has no reproduction table (src/papers/${id}/repro.ts exporting reproTable).`);
    process.exit(2);
  }
  const events = (runDir: string) => readMetricsSync(path.join(runDir, 'metrics.jsonl')).events;
  const seconds = (m: { startedAt: string; endedAt?: string }) =>
    m.endedAt ? `${((Date.parse(m.endedAt) - Date.parse(m.startedAt)) / 1000).toFixed(0)} s` : 'not finished';

  const sweep = readSweepFile(dir);
  if (!sweep) {
    const m = readManifest(dir);
    const header = m
      ? `${m.paper} — ${m.name} — status ${m.status}, backend ${m.backend}, seed ${m.seed}, ${seconds(m)}`
      : dir;
    const table = `${header}\n\n${reproTable(events(dir))}\n`;
    writeFileSync(path.join(dir, 'repro.md'), table);
    process.stdout.write('\n' + table);
    return;
  }
  const runsDir = runsDirOfSweep(dir, sweep);
  const runs: SeedRun[] = [];
  const notDone: string[] = [];
  let backend = '';
  let longest = 0;
  for (const cell of sweep.cells) {
    const m = cell.run ? readManifest(path.join(runsDir, cell.run)) : undefined;
    if (!m || m.status !== 'completed') {
      notDone.push(`seed ${cell.seed}: ${m?.status ?? cell.status}`);
      continue;
    }
    backend = m.backend;
    longest = Math.max(longest, m.endedAt ? (Date.parse(m.endedAt) - Date.parse(m.startedAt)) / 1000 : 0);
    const evs = events(path.join(runsDir, cell.run!));
    runs.push({ seed: cell.seed, run: cell.run!, table: reproTable(evs), claims: reproClaims?.(evs) });
  }
  if (!runs.length) {
    console.error(`No completed seed in ${dir} (${notDone.join(', ')}).`);
    process.exit(1);
  }
  const header = `${sweep.paper} — ${sweep.name} — backend ${backend}, longest seed ${longest.toFixed(0)} s${notDone.length ? ` — NOT completed: ${notDone.join(', ')}` : ''}`;
  const table = `${header}\n\n${seedsReport(runs)}\n`;
  writeFileSync(path.join(dir, 'repro.md'), table);
  process.stdout.write('\n' + table);
})();
