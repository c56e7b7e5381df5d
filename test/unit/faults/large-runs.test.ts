// Issue 11 §3, large runs: a run of 200k+ events shows its points (the dashboard showed none past
// ~125k: `push(...events)` overflowed the stack after the read position had moved on); the report's
// memory stays bounded (long series are thinned as they are read, before inlining); an IDX dataset of
// 240k images loads (`Math.max(...labels)` overflowed the stack).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeIdx } from '../../../src/trainer/data/idx';
import { loadImageData } from '../../../src/trainer/data';
import { cli, metricLine, root, runTs, tmp, writeRun } from './helpers';

const probe = path.join(root, 'test/unit/faults/probe-dashboard.ts');
const N = 200_000;

function bigRun(): string {
  const runs = tmp('paperlab-runs-');
  const dir = writeRun(runs, 'long', 0);
  const lines: string[] = [];
  for (let i = 1; i <= N; i++) lines.push(metricLine(i, 'ticket', { train_loss: 1 / i, test_acc: 0.5 }));
  writeFileSync(path.join(dir, 'metrics.jsonl'), lines.join(''));
  return runs;
}

test('the dashboard reads and packs every one of 200,000 events of a run', async () => {
  const r = await runTs(probe, [bigRun(), 'long'], { timeoutMs: 120_000 });
  assert.equal(r.code, 0, r.stderr);
  const seen = JSON.parse(r.stdout) as { events: Record<string, number>; packedRows: Record<string, number> };
  assert.equal(seen.events.long, N);
  assert.equal(seen.packedRows.long, N);
});

test('the report thins a 200,000-point series before inlining it, and says so', async () => {
  const out = path.join(tmp(), 'r.html');
  const r = await cli(['report', bigRun(), '-o', out], { timeoutMs: 120_000 });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /long: 200,000 points thinned evenly to at most 4,000 per series/);
  const html = readFileSync(out, 'utf8');
  const data = JSON.parse(html.match(/<script type="application\/json" id="paperlab-data">(.*?)<\/script>/s)![1]);
  const events = data.events.long as { step: number }[];
  assert.ok(events.length <= 8001, `${events.length} events inlined`);
  assert.ok(events.length >= 4000);
  assert.equal(events[0].step, 1);
  assert.equal(events[events.length - 1].step, N, 'the last point is kept');
});

test('an IDX dataset of 240,000 images loads (no spread of its labels)', () => {
  const dir = tmp();
  const n = 240_000;
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) labels[i] = i % 10;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'train-images-idx3-ubyte'), encodeIdx([n, 1, 1], new Uint8Array(n)));
  writeFileSync(path.join(dir, 'train-labels-idx1-ubyte'), encodeIdx([n], labels));
  writeFileSync(path.join(dir, 't10k-images-idx3-ubyte'), encodeIdx([10, 1, 1], new Uint8Array(10)));
  writeFileSync(path.join(dir, 't10k-labels-idx1-ubyte'), encodeIdx([10], labels.subarray(0, 10)));
  const d = loadImageData({ dataset: 'idx', path: dir, train: 1000, test: 10 }, 1);
  assert.equal(d.numClasses, 10);
  assert.equal(d.train.n, 1000);
});
