// "How these runs differ from the paper", from the selected runs' settings (issue 15: the header used to
// describe the example whatever was selected).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citationAfterTitle, paperNote, paperNoteText } from '../../../webview/paperNote';
import type { PaperView, RunInfo } from '../../../src/core/protocol/dashboard';

const paper: PaperView = {
  id: 'lottery-ticket',
  title: 'LT',
  citation: 'F&C',
  figures: [],
  references: [],
  scaleNote: 'here 1,500 iterations, 7 rounds',
  setting: [
    { key: 'train.iterations', paper: '50000' },
    { key: 'train.batch_size', paper: '60' },
    { key: 'train.lr', paper: '0.0012' },
  ],
};
const run = (setting: Record<string, string>, settings: Record<string, string> = {}): RunInfo => ({
  manifest: { id: 'x', paper: 'lottery-ticket' } as RunInfo['manifest'],
  settings,
  setting,
  live: false,
});

test('one run: each stated setting it departs from, with the paper value; equal ones are not listed', () => {
  const r = run({ 'train.iterations': '300', 'train.batch_size': '60', 'train.lr': '0.0012' }, { rounds: '2' });
  assert.deepEqual(paperNote(paper, [r]), {
    departures: ['train.iterations 300 (paper 50000)'],
    varying: [],
    known: true,
  });
  const text = paperNoteText(paper, [r]);
  assert.equal(text[0], 'How the run shown differs from the paper: train.iterations 300 (paper 50000).');
  assert.match(text.at(-1)!, /^About the example config, not necessarily these runs: here 1,500 iterations/);
});

test('runs that disagree: the key is listed with each value, not as a departure; key settings too', () => {
  const a = run({ 'train.iterations': '300', 'train.batch_size': '100' }, { rounds: '2', lr: '1.2e-3' });
  const b = run({ 'train.iterations': '1500', 'train.batch_size': '100' }, { rounds: '7', lr: '1.2e-3' });
  const n = paperNote(paper, [a, b]);
  assert.deepEqual(n.departures, ['train.batch_size 100 (paper 60)']);
  assert.deepEqual(n.varying, ['train.iterations: 300, 1500 (paper 50000)', 'rounds: 2, 7']);
  assert.match(
    paperNoteText(paper, [a, b]).join(' '),
    /The selected runs differ among themselves in train\.iterations/,
  );
});

test("runs at the paper's values, and runs without settings (an older report)", () => {
  const same = run({ 'train.iterations': '50000', 'train.batch_size': '60', 'train.lr': '0.0012' });
  assert.match(
    paperNoteText(paper, [same])[0],
    /^The run shown uses the paper's value wherever the paper states one\.$/,
  );
  const old: RunInfo = { manifest: same.manifest, settings: {}, live: false };
  assert.deepEqual(paperNoteText(paper, [old]), [
    'How the example differs from the paper (the runs shown may differ from it): here 1,500 iterations, 7 rounds',
  ]);
});

test('the header citation does not repeat the title shown before it', () => {
  assert.equal(
    citationAfterTitle(
      'The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks',
      'Jonathan Frankle, Michael Carbin. The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks. ICLR 2019.',
    ),
    'Jonathan Frankle, Michael Carbin. ICLR 2019.',
  );
  // Quoted with a comma after it, and a title ending in "?".
  assert.equal(
    citationAfterTitle(
      'Rethinking the Value of Network Pruning',
      'Liu, Sun, Zhou, Huang, Darrell. "Rethinking the Value of Network Pruning", ICLR 2019.',
    ),
    'Liu, Sun, Zhou, Huang, Darrell. ICLR 2019.',
  );
  assert.equal(
    citationAfterTitle(
      'How Powerful are Shallow Networks?',
      'Li, Sonoda. How Powerful are Shallow Networks? ICML 2023.',
    ),
    'Li, Sonoda. ICML 2023.',
  );
  // A citation without the title is left as it is.
  assert.equal(
    citationAfterTitle('Grokking as the Transition', 'Kumar, Bordelon, Gershman, Pehlevan. ICLR 2024.'),
    'Kumar, Bordelon, Gershman, Pehlevan. ICLR 2024.',
  );
});
