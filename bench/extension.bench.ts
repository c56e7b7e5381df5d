/**
 * Extension host costs: cold activation (a fresh Node process requires dist/extension.js with a stub
 * `vscode` and calls activate(): our own cost, not VS Code's), bundle sizes, and the tfjs wall.
 * Targets (issue 2): activation < 150 ms; no tfjs in the extension-host bundle.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { median, p95, round } from './stats';

const root = path.resolve(import.meta.dirname, '..');

export async function run() {
  const runs: number[] = [];
  for (let i = 0; i < 15; i++) {
    const out = execFileSync(process.execPath, [path.join(root, 'bench/activation-probe.cjs')], { encoding: 'utf8' });
    runs.push(JSON.parse(out).total);
  }
  const sizes: Record<string, number> = {};
  for (const f of ['extension.js', 'trainer.js', 'cli.js', 'webview.js']) {
    const p = path.join(root, 'dist', f);
    if (existsSync(p)) sizes[f] = Math.round(statSync(p).size / 1024);
  }
  // Which modules esbuild put in the extension-host bundle (written by esbuild.mjs); the text of the
  // bundle may name tfjs-node in a message, which says nothing about what it loads.
  const inputs: string[] = JSON.parse(readFileSync(path.join(root, 'dist/extension.inputs.json'), 'utf8'));
  const tfjsInExtension = inputs.some((i) => i.includes('@tensorflow/'));
  const result = {
    activationMs: { median: round(median(runs), 1), p95: round(p95(runs), 1), runs: runs.length, target: '< 150' },
    bundleKiB: sizes,
    tfjsInExtensionBundle: tfjsInExtension,
  };
  console.log(
    `activation median ${result.activationMs.median} ms, p95 ${result.activationMs.p95} ms; bundles (KiB) ${JSON.stringify(sizes)}; tfjs in extension bundle: ${tfjsInExtension}`,
  );
  return result;
}
