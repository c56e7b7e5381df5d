// Bundles one in-VS-Code suite (every test/vscode/<suite>/*.test.ts) into out/vscode-test/<suite>.js,
// a CommonJS module exporting run(), as VS Code's extensionTestsPath expects. The bundle lives inside
// the extension folder, so `require('vscode')` in it resolves to our extension's API.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './server';

export const outDir = path.join(repoRoot, 'out', 'vscode-test');

export function suiteFiles(suite: string): string[] {
  const dir = path.join(repoRoot, 'test', 'vscode', suite);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => path.join(dir, f));
}

export async function bundleSuite(suite: string, label = suite): Promise<string> {
  const files = suiteFiles(suite);
  if (!files.length) throw new Error(`no test files in test/vscode/${suite}/`);
  const runner = path.join(repoRoot, 'test', 'vscode', 'harness', 'mochaInHost.ts');
  // require() (not import) so esbuild wraps each test file in a lazy initializer: mocha's tdd
  // globals only exist between pre-require and post-require.
  const entry = [
    `import { runMocha } from ${JSON.stringify(runner)};`,
    `export function run() {`,
    `  return runMocha(${JSON.stringify(label)}, [`,
    ...files.map((f) => `    [${JSON.stringify(f)}, () => require(${JSON.stringify(f)})],`),
    `  ]);`,
    `}`,
  ].join('\n');
  const outfile = path.join(outDir, `${suite}.js`);
  await esbuild.build({
    stdin: { contents: entry, resolveDir: repoRoot, sourcefile: `${suite}-entry.ts`, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    external: ['vscode', 'mocha'],
    // As esbuild.mjs does: jsonc-parser's UMD build requires its parts dynamically; its ESM build bundles.
    mainFields: ['module', 'main'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}
