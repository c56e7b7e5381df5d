// The paper page reads as prose for a researcher: where each reported number is marked, in the
// figure's own words; the tier explained; no internal notation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getPaper } from '../../../src/papers';
import { paperPageMarkdown } from '../../../src/papers/page';

test("the lottery-ticket page says where each of the paper's numbers is marked, in words", () => {
  const md = paperPageMarkdown(getPaper('lottery-ticket')!);
  assert.match(
    md,
    /\| ticket at 21% stops 38% earlier than the unpruned net \| at 21% weights remaining, 0\.62 × our ticket run's early-stop iteration at 100% weights remaining \| Frankle & Carbin 2019, §2 \|/,
  );
  assert.doesNotMatch(md, /our arm |x = 0\.21|\| confirmed \|/, 'no internal notation');
  assert.match(md, /tier A: the paper's headline result reproduces at small scale in minutes on a laptop CPU/);
  assert.match(md, /\*\*Tier C\*\*: /);
});

test('a number not checked against the paper says so in words', () => {
  const md = paperPageMarkdown(getPaper('grokking-tickets')!);
  assert.match(md, /not yet checked against the paper itself/);
});
