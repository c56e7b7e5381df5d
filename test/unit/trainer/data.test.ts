// Data: the IDX reader on generated files, seeded splits, the MNIST cache, clear messages for missing data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { encodeIdx, parseIdx, readIdxImageSet } from '../../../src/trainer/data/idx';
import { loadImageData, FASHION_MNIST_DIR } from '../../../src/trainer/data/index';
import { loadMnistPool } from '../../../src/trainer/data/mnist';
import { modularData } from '../../../src/trainer/data/modular';

function writeIdxFolder(dir: string, nTrain: number, nTest: number, gz: boolean) {
  const put = (name: string, dims: number[], data: Uint8Array) => {
    const bytes = encodeIdx(dims, data);
    writeFileSync(path.join(dir, name + (gz ? '.gz' : '')), gz ? gzipSync(bytes) : bytes);
  };
  const images = (n: number) => Uint8Array.from({ length: n * 16 }, (_, i) => Math.floor(i / 16) % 256);
  const labels = (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 3);
  put('train-images-idx3-ubyte', [nTrain, 4, 4], images(nTrain));
  put('train-labels-idx1-ubyte', [nTrain], labels(nTrain));
  put('t10k-images-idx3-ubyte', [nTest, 4, 4], images(nTest));
  put('t10k-labels-idx1-ubyte', [nTest], labels(nTest));
}

test('the IDX reader reads gzipped and plain files and rejects damaged ones with a reason', () => {
  for (const gz of [true, false]) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'idx-'));
    writeIdxFolder(dir, 30, 12, gz);
    const s = readIdxImageSet(dir, 'train');
    assert.deepEqual([s.n, s.rows, s.cols], [30, 4, 4]);
    assert.equal(s.images[16 * 7], 7);
    assert.equal(s.labels[5], 2);
  }
  assert.throws(() => parseIdx(Uint8Array.from([1, 2, 3, 4])), /not an IDX file/);
  assert.throws(() => parseIdx(encodeIdx([10, 4], new Uint8Array(40)).subarray(0, 30)), /truncated/);
});

test('idx splits: sizes as asked, disjoint train/val, depend only on the seed', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'idx-'));
  writeIdxFolder(dir, 100, 40, true);
  const cfg = { dataset: 'idx', path: dir, train: 50, val: 20, test: 30 };
  const a = loadImageData(cfg, 1),
    b = loadImageData(cfg, 1),
    c = loadImageData(cfg, 2);
  assert.deepEqual([a.train.n, a.val!.n, a.test.n], [50, 20, 30]);
  assert.equal(a.inputShape[0], 16);
  assert.equal(a.numClasses, 3);
  assert.deepEqual(a.train.x, b.train.x);
  assert.notDeepEqual(a.train.x, c.train.x);
  // Each training image of the generated set is unique (its value = its index), so overlap is visible.
  const ids = (x: Float32Array, n: number) => new Set(Array.from({ length: n }, (_, i) => Math.round(x[i * 16] * 255)));
  const tr = ids(a.train.x, 50),
    va = ids(a.val!.x, 20);
  assert.equal(tr.size, 50);
  for (const v of va) assert.ok(!tr.has(v));
  assert.throws(() => loadImageData({ ...cfg, train: 90 }, 1), /train \+ val = 110/);
});

test('missing data says how to get it', () => {
  assert.throws(() => loadImageData({ dataset: 'idx', train: 1, test: 1 }, 1), /data\.path is not set/);
  assert.throws(
    () => loadImageData({ dataset: 'idx', path: '/nonexistent/x', train: 1, test: 1 }, 1),
    /does not exist/,
  );
  if (!existsSync(FASHION_MNIST_DIR)) {
    assert.throws(
      () => loadImageData({ dataset: 'fashion-mnist', train: 1, test: 1 }, 1),
      /apt-get install dataset-fashion-mnist/,
    );
  }
});

test('mnist: the cache reproduces the package exactly and splits are disjoint and seeded', () => {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'mnist-cache-'));
  const first = loadMnistPool(cacheDir);
  assert.equal(readdirSync(cacheDir).filter((f) => f.endsWith('.bin')).length, 1);
  const t0 = performance.now();
  const second = loadMnistPool(cacheDir);
  const cachedMs = performance.now() - t0;
  assert.equal(first.n, 10000);
  assert.deepEqual(second.labels, first.labels);
  assert.deepEqual(second.x, first.x);
  assert.ok(cachedMs < 1500, `cached load took ${cachedMs} ms`);
  const d = loadImageData({ dataset: 'mnist', train: 7000, val: 1000, test: 2000 }, 3, { cacheDir });
  assert.deepEqual([d.train.n, d.val!.n, d.test.n], [7000, 1000, 2000]);
  const counts = new Array(10).fill(0);
  for (const l of d.train.labels) counts[l]++;
  assert.ok(Math.min(...counts) > 500, 'every digit is present in a seeded shuffle');
  assert.throws(
    () => loadImageData({ dataset: 'mnist', train: 9000, test: 2000 }, 3, { cacheDir }),
    /has 10000 digits/,
  );
});

test(
  'fashion-mnist loads from the Debian package when installed',
  { skip: !existsSync(FASHION_MNIST_DIR) && 'dataset-fashion-mnist not installed' },
  () => {
    const d = loadImageData({ dataset: 'fashion-mnist', train: 1000, test: 500 }, 1);
    assert.deepEqual([d.train.n, d.test.n, d.numClasses, d.inputShape[0]], [1000, 500, 10, 784]);
    assert.ok(d.train.x.every((v) => v >= 0 && v <= 1));
  },
);

test('modular arithmetic: all pairs, seeded split, correct labels', () => {
  const d = modularData({ p: 7, op: 'add', fracTrain: 0.4 }, 1);
  assert.equal(d.train.n + d.test.n, 49);
  assert.equal(d.train.n, 20);
  const s = modularData({ p: 7, op: 'subtract', fracTrain: 0.5, symmetric: true }, 1);
  assert.equal(s.train.n + s.test.n, 28);
  for (let i = 0; i < d.train.n; i++) {
    const row = d.train.x.subarray(i * 14, (i + 1) * 14);
    const a = row.indexOf(1),
      b = row.indexOf(1, 7) - 7;
    assert.equal(d.train.labels[i], (a + b) % 7);
  }
});
