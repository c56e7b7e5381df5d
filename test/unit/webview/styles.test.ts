// Line styles: lines that differ only by arm must not look alike; a ticket and its control at the
// same density share a colour and differ by dash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArmIndex, StyleAssigner } from '../../../webview/lineStyles';

const style = (s: StyleAssigner, l: { group: number; tags: Record<string, unknown> }) =>
  `${s.colourIndex(l.group, l.tags)}/${s.dashIndex(l.tags.arm)}`;

test('arms of one run (grokking-tickets): every arm its own colour and dash, dense and ticket included', () => {
  const lines = ['dense', 'ticket', 'random_mask', 'norm_matched_dense', 'ticket_no_weight_decay'].map((arm) => ({
    group: 0,
    tags: { arm },
  }));
  const s = new StyleAssigner(lines, new ArmIndex());
  const styles = lines.map((l) => style(s, l));
  assert.equal(new Set(styles.map((x) => x.split('/')[0])).size, 5, styles.join(' '));
  assert.equal(new Set(styles.map((x) => x.split('/')[1])).size, 5, styles.join(' '));
  assert.equal(styles[0].split('/')[1], '0', 'the first main arm is solid');
});

test('ticket vs reinit per density (lottery-ticket): colour follows density, dash follows arm', () => {
  const lines = [0.5, 0.2].flatMap((density) =>
    ['ticket', 'random_reinit'].map((arm) => ({ group: 0, tags: { arm, density } })),
  );
  const s = new StyleAssigner(lines, new ArmIndex());
  const [t5, r5, t2, r2] = lines.map((l) => style(s, l).split('/'));
  assert.equal(t5[0], r5[0]);
  assert.equal(t2[0], r2[0]);
  assert.notEqual(t5[0], t2[0]);
  assert.equal(t5[1], '0');
  assert.notEqual(r5[1], t5[1]);
});

test('an arm keeps its colour and dash across the charts of a page, also where other arms have no line', () => {
  const page = new ArmIndex();
  const all = ['dense', 'ticket', 'random_mask', 'norm_matched_dense', 'ticket_no_weight_decay'].map((arm) => ({
    group: 0,
    tags: { arm },
  }));
  const curves = new StyleAssigner(all, page);
  const before = all.map((l) => style(curves, l));
  // The generalization-epoch chart has no point for the random mask (it never generalized).
  const summary = all.filter((l) => l.tags.arm !== 'random_mask');
  const points = new StyleAssigner(summary, page);
  assert.deepEqual(
    summary.map((l) => style(points, l)),
    before.filter((_, i) => all[i].tags.arm !== 'random_mask'),
  );
});
