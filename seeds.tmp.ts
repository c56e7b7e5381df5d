import path from 'node:path';
import { readdirSync } from 'node:fs';
import { readMetrics } from './src/core/runs/folder';
import { summarize } from './src/core/stats';
const [id, ...dirs] = process.argv.slice(2);
void (async () => {
  const mod = await import(`./src/papers/${id}/repro.ts`);
  const runs = dirs.flatMap((d) => readdirSync(d).map((x) => path.join(d, x))).filter((d) => { try { return readMetrics(path.join(d, 'metrics.jsonl')).events.length > 0; } catch { return false; } });
  const all = runs.map((d) => mod.reproClaims(readMetrics(path.join(d, 'metrics.jsonl')).events));
  console.log(runs.length, 'runs');
  for (const c of all[0]) {
    const per = all.map((cs: any[]) => cs.find((x) => x.id === c.id));
    const held = per.filter((p: any) => p && p.tests.every((t: any) => (t.op === '>' ? t.value > t.threshold : t.op === '>=' ? t.value >= t.threshold : t.op === '<' ? t.value < t.threshold : t.value <= t.threshold))).length;
    const tests = c.tests.map((t: any, i: number) => { const s = summarize(per.map((p: any) => p.tests[i].value)); return `${t.label} ${s.mean.toPrecision(3)} ± ${s.sd.toPrecision(2)} (${t.op} ${t.threshold})`; });
    console.log(`- ${c.claim}: held in ${held}/${all.length}; ${tests.join('; ')}`);
  }
})();
