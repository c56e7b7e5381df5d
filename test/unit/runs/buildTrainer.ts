// Builds the trainer bundle the way esbuild.mjs does (same options), into a temporary folder with the
// wasm files beside it, so process tests exercise a real bundle without racing `npm run build`.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
let built: Promise<string> | undefined;
let builtCli: Promise<string> | undefined;

/** The `paperlab` CLI bundle beside the trainer (it finds trainer.js there), for processes the test does not fork itself (Slurm tasks). */
export function buildCli(): Promise<string> {
  builtCli ??= (async () => {
    const trainer = await buildTrainer();
    const out = path.join(path.dirname(trainer), 'cli.js');
    await esbuild.build({
      entryPoints: [path.join(root, 'src/cli/main.ts')],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      target: 'node20',
      external: ['@tensorflow/tfjs-node'],
      logLevel: 'error',
    });
    return out;
  })();
  return builtCli;
}

export function buildTrainer(): Promise<string> {
  built ??= (async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'paperlab-trainer-'));
    await esbuild.build({
      entryPoints: [path.join(root, 'src/trainer/main.ts')],
      outfile: path.join(dir, 'trainer.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      target: 'node20',
      external: ['@tensorflow/tfjs-node'],
      logLevel: 'error',
    });
    const wasm = path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
    for (const f of readdirSync(wasm)) if (f.endsWith('.wasm')) copyFileSync(path.join(wasm, f), path.join(dir, f));
    return path.join(dir, 'trainer.js');
  })();
  return built;
}
