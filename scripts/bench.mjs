// `npm run bench [-- <area>…]`: runs each bench/<area>.bench.ts in its own process (so one area's
// memory and JIT state cannot colour another's) and merges what they return into bench/results.json.
// Benchmarks report medians and side-by-side ratios; they never assert: these machines are shared.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const wanted = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.ts', '')));

// Measure what ships: the minified production bundles.
execFileSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--production'], { stdio: 'inherit', cwd: root });

const resultsFile = path.join(benchDir, 'results.json');
const previous = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
const results = {
  ...previous,
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  areas: { ...(previous.areas ?? {}) },
};
for (const f of files) {
  const area = f.replace('.bench.ts', '');
  console.log(`\n== bench: ${area}`);
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts/bench-one.ts'), path.join(benchDir, f)],
    {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 2 ** 20,
    },
  );
  const json = out.slice(out.lastIndexOf('\n@@RESULT@@') + '\n@@RESULT@@'.length);
  process.stdout.write(out.slice(0, out.lastIndexOf('\n@@RESULT@@')) + '\n');
  results.areas[area] = { measuredAt: new Date().toISOString(), ...JSON.parse(json) };
  console.log(JSON.stringify(results.areas[area], null, 2));
}
writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote ${path.relative(root, resultsFile)}`);
