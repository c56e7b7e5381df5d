// "New Experiment from Paper…" ranks what the user typed: the exact id, then ids that start with it,
// then titles with it as a whole word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rankPapers } from '../../../src/host/commands/paperRanking';
import { allPapers } from '../../../src/papers';

const papers = allPapers().map((p, order) => ({ id: p.id, title: p.title, order }));
const first = (q: string) => rankPapers(papers, q)[0].id;

test('typing "lottery" puts The Lottery Ticket Hypothesis first, not Grokking Tickets', () => {
  assert.equal(first('lottery'), 'lottery-ticket');
  assert.equal(first('lottery ticket'), 'lottery-ticket');
});

test('an exact id wins; title words beat substrings', () => {
  assert.equal(first('grokking-tickets'), 'grokking-tickets');
  assert.equal(first('rs2'), 'rs2');
  assert.equal(first('thresholdout'), 'thresholdout');
  const r = rankPapers(papers, 'pruning').map((p) => p.id);
  assert.ok(r.indexOf('random-pruning') < r.indexOf('lottery-ticket'));
});
