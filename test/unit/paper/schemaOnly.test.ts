// Schema-only papers: Paperlab checks their configs against the paper's schema and rules but cannot
// train them, and every place that would start a run says so, naming the missing blocks from the
// definition's `needs` — the CLI, the trainer's recipe loader and the editor's markers (hover and
// completion of `paper:`, the JSON Schema, the paper page). The CodeLens and Run command are tested in
// VS Code (test/vscode/suite/workflow.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from '../../../src/cli/commands/run';
import { complete, hover } from '../../../src/core/config';
import { experimentJsonSchema } from '../../../src/core/config/jsonSchema';
import {
  canTrain,
  cannotTrainYet,
  describeBlocks,
  isImplemented,
  paperStatus,
  TRAINING_BLOCKS,
} from '../../../src/core/paper';
import { getPaper, paperRegistry } from '../../../src/papers';
import { paperPageMarkdown } from '../../../src/papers/page';
import { loadRecipe } from '../../../src/papers/recipes';
import { planSweep } from '../../../src/core/sweep/plan';
import { CATALOG_ONLY, registryWithCatalogOnly } from '../../support/catalogOnly';

const schemaOnly = paperRegistry.implemented().filter((p) => p.needs);

test('the message names the blocks from the definition, each with what it is', () => {
  const p = getPaper('shrinkmatch');
  assert.equal(
    cannotTrainYet(p),
    `Paperlab checks this paper's configs but cannot train it yet: it needs SEMI (${TRAINING_BLOCKS.SEMI}).`,
  );
  assert.equal(describeBlocks(['PINN', 'GEN']), `PINN (${TRAINING_BLOCKS.PINN}) and GEN (${TRAINING_BLOCKS.GEN})`);
  assert.equal(cannotTrainYet(getPaper('lottery-ticket')), undefined, 'a paper that trains');
  assert.equal(cannotTrainYet(CATALOG_ONLY), undefined, 'a catalog-only paper has its own message');
  assert.equal(cannotTrainYet(undefined), undefined);
});

test('runs, schema-only and catalog-only papers are told apart', () => {
  assert.equal(paperStatus(getPaper('lottery-ticket')!), 'runs');
  assert.equal(paperStatus(getPaper('shrinkmatch')!), 'schema-only');
  assert.equal(paperStatus(CATALOG_ONLY), 'catalog-only');
  assert.equal(canTrain(getPaper('lottery-ticket')), true);
  assert.equal(canTrain(getPaper('shrinkmatch')), false);
  assert.equal(canTrain(CATALOG_ONLY), false);
  assert.ok(schemaOnly.length >= 1);
});

test('a definition says it needs blocks exactly when its folder has no recipe', () => {
  for (const p of paperRegistry.implemented()) {
    const recipe = path.resolve(__dirname, '../../../src/papers', p.id, 'recipe.ts');
    assert.equal(
      existsSync(recipe),
      !p.needs,
      p.needs
        ? `${p.id} has a recipe.ts but its definition says it needs ${p.needs.join(', ')}: drop \`needs\``
        : `${p.id} has no recipe.ts: say which blocks it needs (\`needs\`) or add the recipe`,
    );
  }
});

test('the trainer refuses a schema-only paper with the same message', async () => {
  for (const p of schemaOnly) await assert.rejects(loadRecipe(p.id), { message: cannotTrainYet(p) });
});

async function cliRun(text: string): Promise<{ code: number; err: string; runs: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schema-only-'));
  const file = path.join(dir, 'x.exp.yaml');
  writeFileSync(file, text);
  const orig = console.error;
  let err = '';
  console.error = (...a: unknown[]) => void (err += a.join(' ') + '\n');
  try {
    const code = await runCommand(file, { out: path.join(dir, 'runs'), progress: false });
    return { code, err, runs: path.join(dir, 'runs') };
  } finally {
    console.error = orig;
  }
}

test('`paperlab run` on a schema-only example says what is missing, exits 1 and writes no run folder', async () => {
  for (const p of schemaOnly) {
    const { code, err, runs } = await cliRun(p.exampleYaml);
    assert.equal(code, 1, p.id);
    assert.ok(err.includes(cannotTrainYet(p)!), `${p.id}: ${err}`);
    assert.doesNotMatch(err, /fix them first|nothing was run because|errors?, so/i);
    assert.ok(!existsSync(runs) || readdirSync(runs).length === 0, `${p.id}: a run folder was written`);
  }
});

test('a schema-only config with errors: the findings are printed, and still the missing blocks are said', async () => {
  const { code, err } = await cliRun('paper: shrinkmatch\nsemi:\n  threshold: fast\n');
  assert.equal(code, 1);
  assert.match(err, /x\.exp\.yaml:3:\d+ error .*threshold|x\.exp\.yaml:3:\d+ error/);
  assert.ok(err.includes(cannotTrainYet(getPaper('shrinkmatch'))!), err);
  assert.doesNotMatch(err, /The config has errors, so nothing was run/);
});

test('completion, hover and the JSON Schema of `paper:` mark which papers run and which are schema-only', () => {
  const text = 'paper: ';
  const items = complete(text, 'c.exp.yaml', { line: 0, character: text.length }, { papers: registryWithCatalogOnly });
  const detail = (id: string) => items.find((i) => i.label === id)!.detail!;
  assert.match(detail('lottery-ticket'), /\(tier A, runs\)$/);
  assert.match(detail('shrinkmatch'), /configs checked, cannot train yet/);
  assert.match(detail(CATALOG_ONLY.id), /schema not available yet/);
  const order = (id: string) => items.find((i) => i.label === id)!.sortText!;
  assert.ok(order('lottery-ticket') < order('shrinkmatch') && order('shrinkmatch') < order(CATALOG_ONLY.id));

  const h = hover('paper: shrinkmatch\n', 'c.exp.yaml', { line: 0, character: 10 }, { papers: paperRegistry });
  assert.ok(h?.markdown.includes(cannotTrainYet(getPaper('shrinkmatch'))!), h?.markdown);
  const ht = hover('paper: lottery-ticket\n', 'c.exp.yaml', { line: 0, character: 10 }, { papers: paperRegistry });
  assert.doesNotMatch(ht!.markdown, /cannot train/);

  const schema = experimentJsonSchema(paperRegistry) as {
    properties: { paper: { enum: string[]; enumDescriptions: string[] } };
  };
  const { enum: ids, enumDescriptions } = schema.properties.paper;
  assert.match(enumDescriptions[ids.indexOf('shrinkmatch')], /configs checked, cannot train yet/);
  assert.match(enumDescriptions[ids.indexOf('lottery-ticket')], /— runs$/);
});

test('the paper page of a schema-only paper says what it needs; its setting and rules are listed', () => {
  for (const p of schemaOnly) {
    assert.ok(isImplemented(p));
    const page = paperPageMarkdown(p);
    assert.ok(page.includes(cannotTrainYet(p)!), p.id);
    assert.match(page, /## What Paperlab checks in your config/);
  }
});

test('`paperlab sweep` (the sweep planner) refuses a schema-only config with the same message, and plans nothing', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schema-only-sweep-'));
  const p = getPaper('shrinkmatch');
  const plan = planSweep({
    text: 'paper: shrinkmatch\nsweep:\n  seeds: 2\n  grid:\n    semi.threshold: [0.9, 0.95]\n',
    file: path.join(dir, 'a.exp.yaml'),
    runsDir: path.join(dir, 'runs'),
    backend: 'wasm',
    papers: paperRegistry,
  });
  assert.equal(plan.ok, false);
  assert.ok(!plan.ok && plan.message.startsWith(cannotTrainYet(p)!), !plan.ok ? plan.message : '');
  assert.ok(!existsSync(path.join(dir, 'runs')) || readdirSync(path.join(dir, 'runs')).length === 0);
});
