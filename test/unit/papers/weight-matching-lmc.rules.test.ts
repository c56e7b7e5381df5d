import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TSchema } from '@sinclair/typebox';
import Ajv from 'ajv';
import { exampleConfig, ruleFindings } from '../../support/papers';
import { weightMatchingLmc as paper } from '../../../src/papers/weight-matching-lmc';
import { lambdaGrid } from '../../../src/papers/weight-matching-lmc/schema';

const example = () => exampleConfig(paper);
const run = (code: string, patch: (c: any) => void = () => {}) => ruleFindings(paper, code, patch);

test('the example is valid against the schema and raises no rule finding', () => {
  const c = example();
  const validate = new Ajv({ strict: false, allErrors: true }).compile(paper.schema as TSchema);
  assert.ok(validate(c), JSON.stringify(validate.errors));
  for (const r of paper.rules) assert.deepEqual(r.check(c), [], r.code);
});

test('seeds-differ: same seeds is an error with a fix; different seeds pass', () => {
  const f = run('weight-matching-lmc/seeds-differ', (c) => (c.seeds.b = c.seeds.a));
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.match(f[0].message, /both 1/);
  assert.deepEqual(f[0].fixes![0].edits[0], { kind: 'setValue', path: ['seeds', 'b'], value: 2 });
  assert.deepEqual(run('weight-matching-lmc/seeds-differ'), []);
});

test('lambda-endpoints: a list without 0 or 1 is an error whose fix adds them; a full list passes', () => {
  const f = run('weight-matching-lmc/lambda-endpoints', (c) => (c.interpolation.lambdas = [0.25, 0.5, 0.75, 1]));
  assert.equal(f.length, 1);
  assert.match(f[0].message, /lacks 0/);
  assert.deepEqual((f[0].fixes![0].edits[0] as any).value, [0, 0.25, 0.5, 0.75, 1]);
  assert.deepEqual(
    run('weight-matching-lmc/lambda-endpoints', (c) => (c.interpolation.lambdas = [0, 0.5, 1])),
    [],
  );
});

test('lambdas-override-points: a non-default points beside a list is noted; alone it is not', () => {
  const f = run(
    'weight-matching-lmc/lambdas-override-points',
    (c) => ((c.interpolation.lambdas = [0, 0.5, 1]), (c.interpolation.points = 11)),
  );
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'info');
  assert.deepEqual(
    run('weight-matching-lmc/lambdas-override-points', (c) => (c.interpolation.points = 11)),
    [],
  );
});

test('width-cost: a 2048-wide layer warns at that layer; 512 does not', () => {
  const f = run('weight-matching-lmc/width-cost', (c) => (c.model.hidden = [512, 2048]));
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].path, ['model', 'hidden', 1]);
  assert.deepEqual(
    run('weight-matching-lmc/width-cost', (c) => (c.model.hidden = [512, 512])),
    [],
  );
});

test('the λ grid: 25 points from 0 to 1 inclusive, or the explicit list sorted', () => {
  const g = lambdaGrid(example());
  assert.equal(g.length, 25);
  assert.equal(g[0], 0);
  assert.equal(g[24], 1);
  assert.ok(Math.abs(g[12] - 0.5) < 1e-12);
  assert.deepEqual(lambdaGrid({ interpolation: { lambdas: [1, 0, 0.5, 0.5] } }), [0, 0.5, 1]);
});
