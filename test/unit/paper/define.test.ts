// The paper plug-in contract (src/core/paper): the config type flows from a paper's schema to its
// rules and recipe, rules run only on a config whose values have the schema's types, and the
// compiler refuses a rule that reads a key its paper's schema does not have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import ts from 'typescript';
import { lintText } from '../../../src/core/config';
import { defineRecipe, type RecipeContext } from '../../../src/trainer/recipe';
import { lotteryTicket } from '../../../src/papers/lottery-ticket';
import { paperRegistry } from '../../../src/papers';

const codes = (yaml: string) =>
  lintText(`paper: lottery-ticket\n${yaml}`, 'x.exp.yaml', { papers: paperRegistry }).findings.map((f) => f.code);

test("a paper's rules wait while a value has the wrong type, and run again once it is fixed", () => {
  const wrongType = codes('train:\n  lr: fast\n  iterations: 100\n  eval_every: 500\n');
  assert.ok(wrongType.includes('schema/type'), wrongType.join(', '));
  assert.ok(!wrongType.includes('train/eval-after-end'), 'a rule ran on a config whose lr is text');
  const fixed = codes('train:\n  lr: 0.001\n  iterations: 100\n  eval_every: 500\n');
  assert.ok(fixed.includes('train/eval-after-end'), fixed.join(', '));
});

test('out-of-range values and unknown keys do not hold the rules back (the types still hold)', () => {
  const found = codes('train:\n  lr: 50\n  iterations: 100\n  eval_every: 500\n  lrr: 1\n');
  assert.ok(
    found.some((c) => c.startsWith('schema/')),
    found.join(', '),
  );
  assert.ok(found.includes('train/eval-after-end'), found.join(', '));
});

test("a recipe declared for one paper refuses another paper's config", async () => {
  let ran = false;
  const recipe = defineRecipe(lotteryTicket, async (ctx) => {
    ran = ctx.config.prune.rounds >= 0;
  });
  const ctx = (config: unknown) => ({ config }) as RecipeContext;
  await assert.rejects(
    recipe(ctx({ paper: 'grokking-tickets' })),
    /lottery-ticket recipe was given a config for paper "grokking-tickets"/,
  );
  assert.equal(ran, false);
  await recipe(ctx({ paper: 'lottery-ticket', prune: { rounds: 2 } }));
  assert.equal(ran, true);
});

/** Type-checks one in-memory file placed in src/papers/ against the real sources. */
function typeErrors(source: string): string[] {
  const root = path.resolve(__dirname, '../../..');
  const file = path.join(root, 'src/papers/lottery-ticket/__typecheck__.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (path.resolve(f) === file ? source : read(f));
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => path.resolve(f) === file || exists(f);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && path.resolve(d.file.fileName) === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

test('tsc refuses a rule that reads a key its schema does not have, and accepts one that reads real keys', () => {
  const rule = (expr: string) => `
import type { PaperRule } from '../../core/paper';
import type { LotteryTicketConfig } from './schema';
export const r: PaperRule<LotteryTicketConfig> = {
  code: 'x', title: 'x', source: 'x',
  check: (c) => (${expr} ? [] : []),
};`;
  assert.deepEqual(typeErrors(rule('c.train.lr > 0 && c.prune.rate.hidden < 1')), []);
  const errors = typeErrors(rule('c.train.learning_rate > 0'));
  assert.ok(
    errors.some((e) => /Property 'learning_rate' does not exist/.test(e)),
    `expected a type error, got: ${errors.join(' | ') || 'none'}`,
  );
  const pathErrors = typeErrors(`
import type { PaperSetting } from '../../core/paper';
import type { LotteryTicketConfig } from './schema';
import { paperRegistry } from '../../../src/papers';
export const s: PaperSetting<LotteryTicketConfig> = { path: ['prune', 'rouds'], value: 7, source: 'x' };`);
  assert.ok(pathErrors.length > 0, 'a paper setting at a path the schema does not have type-checked');
  const setting = (value: string) =>
    typeErrors(`
import type { PaperSetting } from '../../core/paper';
import type { LotteryTicketConfig } from './schema';
export const s: PaperSetting<LotteryTicketConfig> = { path: ['train', 'lr'], value: ${value}, source: 'x' };`);
  assert.deepEqual(setting('1.2e-3'), []);
  assert.ok(setting("'fast'").length > 0, "a paper setting whose value has the wrong type (lr: 'fast') type-checked");
});
