// The rule contract of every registered paper, checked on its own example: rules read the config as
// typed values without defensive checks, so (1) a value of the wrong type must keep them from running
// rather than make them throw, and (2) any value of the right type — out of range, empty, huge — must
// not make them throw either (range errors do not hold rules back). A rule that fails shows up as an
// `internal/rule-failed` finding; this walks every key of every example through both kinds of damage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { lintText } from '../../../src/core/config';
import { paperRegistry } from '../../../src/papers';

type Path = (string | number)[];

function leaves(v: unknown, path: Path = [], out: { path: Path; value: unknown }[] = []) {
  if (path.length) out.push({ path, value: v });
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leaves(x, [...path, k], out);
  return out;
}

function withValue(config: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(config) as Record<string | number, unknown>;
  let cur = copy;
  for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string | number, unknown>;
  cur[path[path.length - 1]] = value;
  return copy;
}

/** Values of the right type that break ranges, sizes and cross-field assumptions. */
function sameTypeDamage(v: unknown): unknown[] {
  if (typeof v === 'number') return [0, -1, 1, 2, 0.5, 1.5, 3, 1e9, -1e9, v * 100, v / 100];
  if (typeof v === 'string') return ['', 'no-such-value'];
  if (Array.isArray(v)) return [[], [...v, ...v], v.slice(0, 1)];
  return [];
}

const WRONG_TYPE = ['text', null, { a: 1 }, [1, 'x'], true];

function internalFindings(config: unknown, file: string): string[] {
  const text = JSON.stringify(config, null, 2);
  return lintText(text, file, { papers: paperRegistry })
    .findings.filter((f) => f.code.startsWith('internal/'))
    .map((f) => f.message);
}

for (const paper of paperRegistry.implemented()) {
  test(`${paper.id}: no rule throws on any value of the right type, however far out of range`, () => {
    const example = parse(paper.exampleYaml) as unknown;
    let checked = 0;
    for (const { path, value } of leaves(example)) {
      if (path[0] === 'paper') continue;
      for (const v of sameTypeDamage(value)) {
        assert.deepEqual(
          internalFindings(withValue(example, path, v), `${paper.id}.exp.json`),
          [],
          `${path.join('.')} = ${JSON.stringify(v)}`,
        );
        checked++;
      }
    }
    assert.ok(checked > 20, `only ${checked} configs checked`);
  });

  test(`${paper.id}: a value of the wrong type holds the rules back instead of reaching them`, () => {
    const example = parse(paper.exampleYaml) as unknown;
    for (const { path } of leaves(example)) {
      if (path[0] === 'paper') continue;
      for (const v of WRONG_TYPE)
        assert.deepEqual(
          internalFindings(withValue(example, path, v), `${paper.id}.exp.json`),
          [],
          `${path.join('.')} = ${JSON.stringify(v)}`,
        );
    }
  });
}
