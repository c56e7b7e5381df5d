// `npm run repro -- <paper-id> [--seeds N] [--jobs N] [--backend wasm]`: builds, runs
// examples/<id>.exp.yaml over N seeds (default 3: the example's seed and the two after it) as a sweep
// through the `paperlab` CLI's local pool (the same path a user takes), then prints the paper's table
// with every number as mean ± sd over the seeds and each claim judged by the seed-spread rule
// (docs/reproductions.md, "Seeds"); saved as repro.md in the sweep folder. Running it again resumes:
// seeds already completed are not trained again.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const id = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const opt = (name, def) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : def;
};
const backend = opt('backend', 'wasm');
const seeds = opt('seeds', '3');
const jobs = opt('jobs', undefined);
if (!id || !/^\d+$/.test(seeds) || Number(seeds) < 1) {
  console.error('usage: npm run repro -- <paper-id> [--seeds N (default 3)] [--jobs N] [--backend wasm|cpu|node|auto]');
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
  [
    path.join(root, 'dist/cli.js'),
    'sweep',
    config,
    '--seeds',
    seeds,
    '--out',
    out,
    '--backend',
    backend,
    ...(jobs ? ['--jobs', jobs] : []),
  ],
  { stdio: 'inherit', cwd: root },
);
// The sweep of this config over exactly these seeds: the newest sweep folder recording it.
const sweepsDir = path.join(out, '.sweeps');
const sweepDir = (existsSync(sweepsDir) ? readdirSync(sweepsDir).sort().reverse() : [])
  .map((d) => path.join(sweepsDir, d))
  .find((d) => {
    try {
      const s = JSON.parse(readFileSync(path.join(d, 'sweep.json'), 'utf8'));
      return s.sourceConfig === config && s.seeds.length === Number(seeds);
    } catch {
      return false;
    }
  });
if (!sweepDir) {
  console.error('The sweep did not start; see the messages above.');
  process.exit(r.status || 1);
}
console.log(`\nwall time: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/repro-table.ts'), id, sweepDir], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(r.status ?? 0);
