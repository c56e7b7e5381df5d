// Issue 11 §3, lint agrees with run: a config that lints clean does not fail at start on a check the
// linter can make. `fashion-mnist` with `train: 60000` linted clean but failed at start, because the
// validation split (1,000 by default) is cut from the same 60,000 training images.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/config';
import { paperRegistry } from '../../../src/papers';

test('fashion-mnist: train + val over 60,000 is an error with a fix, as the run would refuse it', () => {
  const r = lintText('paper: lottery-ticket\ndata: { dataset: fashion-mnist, train: 60000 }\n', 'fm.exp.yaml', {
    papers: paperRegistry,
  });
  assert.equal(r.ok, false);
  const f = r.findings.find((x) => x.code === 'data/dataset-size');
  assert.ok(f, r.findings.map((x) => x.code).join(', '));
  assert.match(f.message, /train \(60,000\) \+ val \(1,000\) = 61,000/);
  assert.equal(f.fixes?.[0].title, 'Use 59,000 training examples');
  assert.ok(
    lintText('paper: lottery-ticket\ndata: { dataset: fashion-mnist, train: 59000 }\n', 'fm.exp.yaml', {
      papers: paperRegistry,
    }).ok,
  );
});
