// What the dashboard would show for a runs folder, printed as JSON: run by the fault tests in a child
// process, so a read that blocks (a FIFO) fails a test by its time limit instead of hanging the suite.
//   node --import tsx test/unit/faults/probe-dashboard.ts <runs folder> [run id whose events to read…]
import { RunSource } from '../../../src/host/dashboard/runSource';

async function main(): Promise<void> {
  const [runsDir, ...ids] = process.argv.slice(2);
  const problems: string[] = [];
  const source = new RunSource(runsDir, { onProblem: (m) => problems.push(m) });
  const scan = await source.scan();
  const events: Record<string, number> = {};
  for (const id of ids) events[id] = (await source.events(id)).length;
  const snapshot = await source.snapshot(ids, ids);
  const packedRows: Record<string, number> = {};
  for (const [id, p] of Object.entries(snapshot.packed ?? {})) packedRows[id] = p.rows.length / (3 + p.keys.length);
  process.stdout.write(
    JSON.stringify({ runs: scan.added.map((r) => r.manifest.id).sort(), events, packedRows, problems }),
  );
}

void main();
