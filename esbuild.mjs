// Builds every bundle of Paperlab. One esbuild call per bundle, type checking is separate (`npm run typecheck`).
//   dist/extension.js  extension host: node, cjs, `vscode` external, never tfjs (checked below)
//   dist/trainer.js    the trainer child process: tfjs + wasm backend; tfjs-node stays external (optional)
//   dist/cli.js        the `paperlab` command
//   dist/webview.js    the dashboard, for the browser
//   dist/schemas/      JSON Schema files generated from the papers' TypeBox schemas (for jsonValidation)
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = path.dirname(new URL(import.meta.url).pathname);
const dist = path.join(root, 'dist');
mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  metafile: true,
};

const nodeBundles = [
  // The banner marks when the bundle starts evaluating, so activate() can report its own cost.
  {
    entry: 'src/extension.ts',
    out: 'extension.js',
    external: ['vscode'],
    banner: 'var __paperlabLoadStart = performance.now();',
  },
  { entry: 'src/trainer/main.ts', out: 'trainer.js', external: ['@tensorflow/tfjs-node'] },
  { entry: 'src/cli/main.ts', out: 'cli.js', external: ['@tensorflow/tfjs-node'], banner: '#!/usr/bin/env node' },
];

const builds = [];
for (const b of nodeBundles) {
  if (!existsSync(path.join(root, b.entry))) continue;
  builds.push({
    ...common,
    entryPoints: [path.join(root, b.entry)],
    outfile: path.join(dist, b.out),
    platform: 'node',
    format: 'cjs',
    // Prefer ES module builds: jsonc-parser's UMD build requires files by computed paths that a bundle cannot follow.
    mainFields: ['module', 'main'],
    target: 'node20',
    external: b.external,
    banner: b.banner ? { js: b.banner } : undefined,
  });
}
if (existsSync(path.join(root, 'webview/main.ts'))) {
  builds.push({
    ...common,
    entryPoints: [path.join(root, 'webview/main.ts')],
    outfile: path.join(dist, 'webview.js'),
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  });
}

function copyWasm() {
  // The wasm backend loads its .wasm files from disk; ship them beside the trainer bundle.
  const src = path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
  if (!existsSync(src)) return;
  for (const f of readdirSync(src)) if (f.endsWith('.wasm')) copyFileSync(path.join(src, f), path.join(dist, f));
}

function generateSchemas() {
  const script = path.join(root, 'scripts/gen-schemas.ts');
  if (!existsSync(script)) return;
  // Also writes examples/<id>.exp.yaml from each paper's example.ts: the one source of the examples
  // and of "New Experiment from Paper…".
  execFileSync(process.execPath, ['--import', 'tsx', script, path.join(dist, 'schemas'), path.join(root, 'examples')], {
    stdio: 'inherit',
    cwd: root,
  });
}

function checkBoundaries(result, out) {
  // The extension host must stay light and must never load tfjs (DESIGN.md, Boundaries).
  if (out !== 'extension.js') return;
  const inputs = Object.keys(result.metafile.inputs);
  // The list of bundled modules, for the benchmark's report of what the extension host loads.
  writeFileSync(path.join(dist, 'extension.inputs.json'), JSON.stringify(inputs, null, 1));
  const bad = inputs.filter((i) => i.includes('@tensorflow/'));
  if (bad.length)
    throw new Error(`extension bundle must not contain tfjs, but includes: ${bad.slice(0, 3).join(', ')}`);
}

if (watch) {
  for (const opts of builds) (await esbuild.context(opts)).watch();
  console.log('watching…');
} else {
  await Promise.all(
    builds.map(async (opts) => {
      const result = await esbuild.build(opts);
      checkBoundaries(result, path.basename(opts.outfile));
    }),
  );
  copyWasm();
  generateSchemas();
}
