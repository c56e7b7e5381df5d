// Prints a paper's reproduction table for a run folder: `node --import tsx scripts/repro-table.ts <paper-id> <run-dir>`.
// The table builder is `reproTable(events)` in src/papers/<id>/repro.ts (pure: no tfjs).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readMetricsSync, readManifest } from '../src/core/runs/folder';

void (async () => {
  const [id, runDir] = process.argv.slice(2);
  const mod = await import(`../src/papers/${id}/repro.ts`).catch(() => undefined);
  const reproTable = mod?.reproTable ?? mod?.default?.reproTable;
  if (typeof reproTable !== 'function') {
    console.error(`Paper "${id}" has no reproduction table (src/papers/${id}/repro.ts exporting reproTable).`);
    process.exit(2);
  }
  const m = readManifest(runDir);
  const { events } = readMetricsSync(path.join(runDir, 'metrics.jsonl'));
  const header = m
    ? `${m.paper} — ${m.name} — status ${m.status}, backend ${m.backend}, seed ${m.seed}, ${m.endedAt ? ((Date.parse(m.endedAt) - Date.parse(m.startedAt)) / 1000).toFixed(0) + ' s' : 'not finished'}`
    : runDir;
  const table = `${header}\n\n${reproTable(events)}\n`;
  writeFileSync(path.join(runDir, 'repro.md'), table);
  process.stdout.write('\n' + table);
})();
