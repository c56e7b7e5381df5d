// The walls hold: the layer rules (.dependency-cruiser.cjs, `npm run deps`) fail on each kind of wrong
// import, written into a small tree laid out like the repository, and pass the allowed ones; ESLint
// (eslint.config.mjs, `npm run lint`) fails on `any` at a plug-in point of a paper.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** Runs the real layer rules over a tree of files (path → source); returns the rules each file breaks. */
function violations(files: Record<string, string>): { rule: string; from: string; to: string }[] {
  // Inside the repository, so `vscode` types and tfjs resolve from its node_modules as they do for src/.
  const dir = path.join(root, 'test-results', `walls-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } }),
    );
    const r = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
        ...['src', 'webview'].filter((d) => Object.keys(files).some((f) => f.startsWith(`${d}/`))),
        '--config',
        path.join(root, '.dependency-cruiser.cjs'),
        '--output-type',
        'json',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    const out = JSON.parse(r.stdout) as {
      summary: { violations: { rule: { name: string }; from: string; to: string }[] };
    };
    return out.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ok = 'export const x = 1;\n';

test('each kind of wrong import breaks its layer rule', () => {
  const cases: { name: string; rule: string; files: Record<string, string> }[] = [
    {
      name: 'core imports the VS Code API',
      rule: 'core-is-pure',
      files: { 'src/core/config/x.ts': "import * as vscode from 'vscode';\nexport const w = vscode.window;\n" },
    },
    {
      name: 'core imports tfjs',
      rule: 'core-is-pure',
      files: { 'src/core/x.ts': "import * as tf from '@tensorflow/tfjs';\nexport const t = tf.tensor;\n" },
    },
    {
      name: 'core imports the paper registry',
      rule: 'core-imports-only-core',
      files: {
        'src/core/config/lint.ts': "import { x } from '../../papers/index';\nexport const y = x;\n",
        'src/papers/index.ts': ok,
      },
    },
    {
      name: 'a paper imports the extension host',
      rule: 'papers-not-host-cli',
      files: {
        'src/papers/foo/rules.ts': "import { x } from '../../host/util/log';\nexport const y = x;\n",
        'src/host/util/log.ts': ok,
      },
    },
    {
      name: "a paper imports another paper's folder",
      rule: 'paper-not-another-paper',
      files: {
        'src/papers/foo/work.ts': "import { x } from '../bar/data';\nexport const y = x;\n",
        'src/papers/bar/data.ts': ok,
      },
    },
    {
      name: 'the registry reaches tfjs through a definition',
      rule: 'definitions-without-tfjs',
      files: {
        'src/papers/index.ts': "import { x } from './foo/index';\nexport const y = x;\n",
        'src/papers/foo/index.ts': "import { x } from './work';\nexport { x };\n",
        'src/papers/foo/work.ts': "import * as tf from '@tensorflow/tfjs';\nexport const x = tf.tensor;\n",
      },
    },
    {
      name: 'the CLI imports the extension host',
      rule: 'cli-not-host',
      files: {
        'src/cli/commands/report.ts': "import { x } from '../../host/dashboard/report';\nexport const y = x;\n",
        'src/host/dashboard/report.ts': ok,
      },
    },
    {
      name: 'the extension host imports trainer code',
      rule: 'host-not-trainer',
      files: {
        'src/host/runs/x.ts': "import { x } from '../../trainer/loop';\nexport const y = x;\n",
        'src/trainer/loop.ts': ok,
      },
    },
    {
      name: 'the webview imports host code',
      rule: 'webview-only-protocol-and-figures',
      files: {
        'webview/main.ts': "import { x } from '../src/host/dashboard/panel';\nexport const y = x;\n",
        'src/host/dashboard/panel.ts': ok,
      },
    },
  ];
  for (const c of cases) {
    const found = violations(c.files).map((v) => v.rule);
    assert.ok(found.includes(c.rule), `${c.name}: expected ${c.rule}, got ${found.join(', ') || 'no violation'}`);
  }
});

test('the allowed directions pass: recipes use tfjs and the trainer, definitions use core and shared blocks', () => {
  const found = violations({
    'src/core/paper/index.ts': ok,
    'src/core/config/lint.ts': "import { x } from '../paper/index';\nexport const y = x;\n",
    'src/papers/common/rules.ts': "import { x } from '../../core/paper/index';\nexport const y = x;\n",
    'src/papers/index.ts': "import { r } from './foo/index';\nexport const y = r;\n",
    'src/papers/foo/index.ts': "import { y } from '../common/rules';\nexport const r = y;\n",
    'src/papers/foo/recipe.ts':
      "import * as tf from '@tensorflow/tfjs';\nimport { x } from '../../trainer/loop';\nimport { r } from './index';\nexport const z = [tf.tensor, x, r];\n",
    'src/trainer/loop.ts': "import { x } from '../core/paper/index';\nexport const y = x;\n",
    'src/host/editor/x.ts':
      "import * as vscode from 'vscode';\nimport { y } from '../../papers/index';\nexport const z = [vscode.window, y];\n",
    'webview/main.ts': "import type { x } from '../src/core/protocol/dashboard';\nexport type Y = typeof x;\n",
    'src/core/protocol/dashboard.ts': ok,
  });
  assert.deepEqual(found, []);
});

test('ESLint refuses `any` at a plug-in point (a paper rule) and leaves it to the owner elsewhere', async () => {
  const { ESLint } = await import('eslint');
  const eslint = new ESLint({ cwd: root });
  const rulesFile = path.join(root, 'src/papers/lottery-ticket/rules.ts');
  const withAny = `${readFileSync(rulesFile, 'utf8')}\nexport const loose = (c: any) => c.prune.rounds;\n`;
  const [plugIn] = await eslint.lintText(withAny, { filePath: rulesFile });
  const anyAt = plugIn.messages.filter((m) => m.ruleId === '@typescript-eslint/no-explicit-any');
  assert.equal(anyAt.length, 1, plugIn.messages.map((m) => `${m.ruleId}: ${m.message}`).join('\n'));
  const [clean] = await eslint.lintText(readFileSync(rulesFile, 'utf8'), { filePath: rulesFile });
  assert.deepEqual(
    clean.messages.map((m) => m.message),
    [],
  );
});
