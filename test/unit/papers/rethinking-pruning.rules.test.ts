import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { exampleConfig, ruleFindings } from '../../support/papers';
import type { TSchema } from '@sinclair/typebox';
import { rethinkingPruning as paper } from '../../../src/papers/rethinking-pruning';

const example = () => exampleConfig(paper);
const run = (code: string, patch: (c: any) => void = () => {}) => ruleFindings(paper, code, patch);

test('the example is valid and only the Scratch-B budget hint fires', () => {
  const c = example();
  const validate = new Ajv({ strict: false, allErrors: true }).compile(paper.schema as TSchema);
  assert.ok(validate(c), JSON.stringify(validate.errors));
  const fired = paper.rules.flatMap((r) => r.check(c).map((f) => f.code ?? r.code));
  assert.deepEqual(fired, ['rethinking-pruning/scratch-b-budget']);
});

test('comparison-needs-both-sides: fine-tune alone or scratch alone warns with a fix; both pass', () => {
  const onlyFt = run('rethinking-pruning/comparison-needs-both-sides', (c) => (c.regimes = ['finetune']));
  assert.equal(onlyFt.length, 1);
  assert.deepEqual((onlyFt[0].fixes![0].edits[0] as any).value, ['finetune', 'scratch_e', 'scratch_b']);
  const onlyScratch = run('rethinking-pruning/comparison-needs-both-sides', (c) => (c.regimes = ['scratch_b']));
  assert.match(onlyScratch[0].message, /No fine-tuned arm/);
  assert.deepEqual(
    run('rethinking-pruning/comparison-needs-both-sides', (c) => (c.regimes = ['finetune', 'scratch_b'])),
    [],
  );
});

test('scratch-fresh-init: the original init is noted with a fix back to fresh; fresh passes', () => {
  const f = run('rethinking-pruning/scratch-fresh-init', (c) => (c.scratch_init = 'original'));
  assert.equal(f.length, 1);
  assert.match(f[0].message, /lottery-ticket comparison/);
  assert.deepEqual(run('rethinking-pruning/scratch-fresh-init'), []);
});

test('scratch-b-budget: the hint computes iterations from the FLOPs ratio; silent without scratch_b', () => {
  const f = run('rethinking-pruning/scratch-b-budget');
  assert.match(f[0].message, /50% pruned → 4,238 iterations \(×2\.12\)/);
  assert.match(f[0].message, /75% pruned → 8,738 iterations \(×4\.37\)/);
  assert.deepEqual(
    run('rethinking-pruning/scratch-b-budget', (c) => (c.regimes = ['finetune', 'scratch_e'])),
    [],
  );
});

test('finetune-lr: a fine-tuning rate at or above training warns; a small one passes', () => {
  const f = run('rethinking-pruning/finetune-lr', (c) => (c.finetune.lr = 0.05));
  assert.equal(f.length, 1);
  assert.equal((f[0].fixes![0].edits[0] as any).value, 0.001);
  assert.deepEqual(run('rethinking-pruning/finetune-lr'), []);
});

test('lr-drops-order: unsorted or repeated drops warn with the sorted fix; sorted pass', () => {
  const f = run('rethinking-pruning/lr-drops-order', (c) => (c.train.lr_drops = [0.75, 0.5, 0.5]));
  assert.equal(f.length, 1);
  assert.deepEqual((f[0].fixes![0].edits[0] as any).value, [0.5, 0.75]);
  assert.deepEqual(run('rethinking-pruning/lr-drops-order'), []);
});
