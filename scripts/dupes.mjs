// `npm run dupes` (part of `npm test`): copied blocks in src/, found by jscpd (.jscpd.json: 70 tokens,
// about 8 lines). A copy that touches a paper folder fails the build: a block two papers need is a
// shared block (src/papers/common, src/trainer, src/core), and a paper that copies one re-implements it.
// Copies elsewhere in src/ (a sync reader beside its async twin, say) are listed for their owners.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'test-results', 'jscpd');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const jscpd = path.join(root, 'node_modules', 'jscpd', 'run-jscpd.js');
const r = spawnSync(
  process.execPath,
  [jscpd, '--config', '.jscpd.json', '--silent', '--reporters', 'json', '--output', out, '--exit-code', '0'],
  { cwd: root, encoding: 'utf8' },
);
if (r.status !== 0) {
  process.stderr.write(r.stderr || r.stdout);
  console.error('jscpd did not run.');
  process.exit(1);
}
const { duplicates } = JSON.parse(readFileSync(path.join(out, 'jscpd-report.json'), 'utf8'));
const where = (f) => `src/${f.name}:${f.start}-${f.end}`;
const inPapers = (d) => [d.firstFile.name, d.secondFile.name].some((n) => n.startsWith('papers/'));
const bad = duplicates.filter(inPapers);
for (const d of duplicates.filter((x) => !inPapers(x)))
  console.log(`note: ${d.lines} lines copied: ${where(d.firstFile)} ↔ ${where(d.secondFile)}`);
for (const d of bad) console.error(`copied: ${d.lines} lines: ${where(d.firstFile)} ↔ ${where(d.secondFile)}`);
if (bad.length) {
  console.error(`${bad.length} block(s) copied in or out of a paper folder: move each to a shared block.`);
  process.exit(1);
}
console.log(`no block copied in or out of a paper folder (${duplicates.length} elsewhere in src/, listed above)`);
