import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeBasis, describeBasisShort, formatDuration } from '../../../src/core/estimate/format';

test('durations are rounded coarsely, in the unit a researcher would say', () => {
  assert.equal(formatDuration(3), '~10 s');
  assert.equal(formatDuration(44), '~40 s');
  assert.equal(formatDuration(59), '~1 min');
  assert.equal(formatDuration(397), '~7 min');
  // The clock style of the CLI's progress bar, and no text for an unknown time.
  assert.equal(formatDuration(45, 'clock'), '45s');
  assert.equal(formatDuration(365, 'clock'), '6m05s');
  assert.equal(formatDuration(NaN), '');
  assert.equal(formatDuration(3599), '~1 h');
  assert.equal(formatDuration(5400), '~1.5 h');
  assert.equal(formatDuration(40 * 3600), '~40 h');
  assert.equal(formatDuration(NaN), '');
});

test('the tooltip says what the estimate rests on', () => {
  assert.match(describeBasis({ basis: 'past runs on this machine', n: 4 }), /median speed of 4 past runs/);
  assert.match(describeBasis({ basis: 'past runs on this machine', n: 1 }), /of 1 past run on/);
  assert.match(describeBasis({ basis: 'default', n: 0 }), /No finished runs here yet/);
});

test('the terminal line says the same in a few words', () => {
  assert.equal(describeBasisShort({ basis: 'past runs on this machine', n: 3 }), 'median speed of 3 past runs here');
  assert.equal(describeBasisShort({ basis: 'default', n: 0 }), 'default speed: no finished runs here yet');
});
