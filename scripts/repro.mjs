// `npm run repro -- <paper-id> [--backend wasm]`: builds, runs examples/<id>.exp.yaml through the
// `paperlab` CLI (the same path a user takes), then prints the paper's table for that run — ours beside
// the paper's numbers — and saves it as repro.md in the run folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const id = args.find((a) => !a.startsWith('--'));
const backendAt = args.indexOf('--backend');
const backend = backendAt >= 0 ? args[backendAt + 1] : 'wasm';
if (!id) {
  console.error('usage: npm run repro -- <paper-id> [--backend wasm|cpu|node|auto]');
  process.exit(2);
}
const config = path.join(root, 'examples', `${id}.exp.yaml`);
if (!existsSync(config)) {
  console.error(`No example config ${path.relative(root, config)}.`);
  process.exit(2);
}
execFileSync(process.execPath, [path.join(root, 'esbuild.mjs')], { stdio: 'inherit', cwd: root });
const out = path.join(root, '.paperlab', 'repro', id);
const t0 = Date.now();
const r = spawnSync(
  process.execPath,
  [path.join(root, 'dist/cli.js'), 'run', config, '--out', out, '--backend', backend],
  { stdio: 'inherit', cwd: root },
);
const runs = existsSync(out)
  ? readdirSync(out)
      .map((d) => path.join(out, d))
      .filter((d) => statSync(d).isDirectory() && statSync(d).mtimeMs >= t0 - 1000)
  : [];
const runDir = runs.sort().pop();
if (!runDir) {
  console.error('The run did not start; see the messages above.');
  process.exit(r.status || 1);
}
console.log(`\nwall time: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/repro-table.ts'), id, runDir], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(r.status ?? 0);
