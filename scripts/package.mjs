#!/usr/bin/env node
// `npm run package`: the VSIX, from a fresh clone, without a repository URL.
//   node scripts/package.mjs [--out dist/paperlab.vsix]
// Builds minified bundles into a staging folder (out/vsix/, so the development build in dist/ is left
// alone), copies what .vscodeignore ships, and runs vsce there. README.md keeps its relative links
// (--no-rewrite-relative-links) and the files they point at ship inside the VSIX, so the details page
// of the installed extension shows the screenshots with no base URL to guess. Prints the VSIX's size.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const out = path.resolve(
  args.includes('--out') ? args[args.indexOf('--out') + 1] : path.join(root, 'dist', 'paperlab.vsix'),
);
const stage = path.join(root, 'out', 'vsix');

function run(cmd, cmdArgs, cwd, what) {
  const r = spawnSync(cmd, cmdArgs, { cwd, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`npm run package: ${what} failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
}

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
run(
  process.execPath,
  [path.join(root, 'esbuild.mjs'), '--production', '--outdir', path.join(stage, 'dist')],
  root,
  'the build',
);
for (const f of ['package.json', 'README.md', 'LICENSE', '.vscodeignore', 'media', 'examples', 'docs'])
  cpSync(path.join(root, f), path.join(stage, f), { recursive: true });

const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
if (!existsSync(vsce)) {
  console.error('npm run package: @vscode/vsce is not installed; run `npm ci` first.');
  process.exit(1);
}
mkdirSync(path.dirname(out), { recursive: true });
run(
  process.execPath,
  [
    vsce,
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--skip-license',
    '--no-rewrite-relative-links',
    '--out',
    out,
  ],
  stage,
  'vsce package',
);
console.log(`${path.relative(process.cwd(), out) || out}: ${(statSync(out).size / 2 ** 20).toFixed(1)} MB`);
