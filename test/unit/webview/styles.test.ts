// Line styles follow one rule, said under each chart: dash = arm (the method solid, whatever else is
// selected), colour = the other tag (a ramp for a number), marker = run group; no line has the colour
// of the paper's marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArmDashes, DASHES, FigureStyles, type StyledLine } from '../../../webview/lineStyles';
import { palette } from '../../../webview/palettes';
import { THEMES } from './harness';

const pal = palette('dark');
const dashName = (s: FigureStyles, l: StyledLine) => DASHES[s.dashIndex(l)].name;

test('lottery ticket, per density: the ticket solid, its reinit dashed, colour along weights remaining', () => {
  const lines: StyledLine[] = [1, 0.8, 0.64].flatMap((density) =>
    (density === 1 ? ['ticket'] : ['ticket', 'random_reinit']).map((arm) => ({ group: 0, tags: { arm, density } })),
  );
  const s = new FigureStyles(lines, pal, new ArmDashes());
  for (const l of lines) assert.equal(dashName(s, l), l.tags.arm === 'ticket' ? 'solid' : 'dashed');
  const colour = (arm: string, density: number) => s.colourOf({ group: 0, tags: { arm, density } });
  assert.equal(colour('ticket', 0.8), colour('random_reinit', 0.8), 'same density, same colour');
  assert.equal(colour('ticket', 1), pal.ramp[0], '100% at the start of the ramp');
  assert.equal(colour('ticket', 0.64), pal.ramp[pal.ramp.length - 1], 'the sparsest at its end');
  assert.equal(
    s.rule((_t, v) => `${v * 100}%`),
    'Line: solid = ticket (the method); dashed = random reinit. Colour: weights remaining, from 100% (blue) to 64% (red).',
  );
});

test('with other arms seen first on the page (several runs selected), the ticket stays solid', () => {
  const page = new ArmDashes();
  // A grokking-tickets run drawn first: dense, random mask… take dashes; none takes "solid" from the ticket.
  const grok = ['dense', 'random_mask', 'ticket'].map((arm) => ({ group: 0, tags: { arm } }));
  const first = new FigureStyles(grok, pal, page);
  assert.equal(dashName(first, grok[2]), 'solid');
  const lt = [
    { group: 1, tags: { arm: 'ticket', density: 0.8 } },
    { group: 1, tags: { arm: 'random_reinit', density: 0.8 } },
  ];
  const second = new FigureStyles(lt, pal, page);
  assert.equal(dashName(second, lt[0]), 'solid');
  assert.notEqual(dashName(second, lt[1]), 'solid');
});

test("the paper's own arms decide: its method solid, its controls dashed, named by their labels", () => {
  const page = new ArmDashes();
  // grokking-tickets declares `dense` a control (the baseline its ticket is compared with).
  page.learn([
    { id: 'ticket', role: 'method' },
    { id: 'dense', role: 'control' },
  ]);
  const lines = ['dense', 'ticket'].map((arm) => ({ group: 0, tags: { arm } }));
  const labels = new Map([
    ['ticket', 'grokking ticket'],
    ['dense', 'dense'],
  ]);
  const s = new FigureStyles(lines, pal, page, labels);
  assert.equal(dashName(s, lines[1]), 'solid');
  assert.equal(dashName(s, lines[0]), 'dashed');
  assert.match(s.rule(), /^Line: solid = grokking ticket \(the method\); dashed = dense\./);
});

test('arms of one run (grokking-tickets): each arm its own colour and dash, the same on every chart', () => {
  const page = new ArmDashes();
  const all = ['dense', 'ticket', 'random_mask', 'norm_matched_dense', 'ticket_no_weight_decay'].map((arm) => ({
    group: 0,
    tags: { arm },
  }));
  const curves = new FigureStyles(all, pal, page);
  const styles = all.map((l) => `${curves.colourOf(l)}/${dashName(curves, l)}`);
  assert.equal(new Set(styles.map((x) => x.split('/')[0])).size, 5, styles.join(' '));
  assert.equal(new Set(styles.map((x) => x.split('/')[1])).size, 5, styles.join(' '));
  assert.match(curves.rule(), /^Line: solid = ticket \(the method\); dashed = dense; dotted = random mask/);
  // The generalization-epoch chart has no point for the random mask: the others keep their looks.
  const summary = all.filter((l) => l.tags.arm !== 'random_mask');
  const points = new FigureStyles(summary, pal, page);
  assert.deepEqual(
    summary.map((l) => `${points.colourOf(l)}/${dashName(points, l)}`),
    styles.filter((_, i) => all[i].tags.arm !== 'random_mask'),
  );
});

test('several method arms (adversarial-power-law: four models, all the method) share the solid dash and differ in colour', () => {
  const page = new ArmDashes();
  page.learn(['linear', 'mlp', 'mlp_shuffled', 'lenet5'].map((id) => ({ id, role: 'method' as const })));
  const lines = ['mlp', 'linear', 'mlp_shuffled', 'lenet5'].map((arm) => ({ group: 0, tags: { arm } }));
  const s = new FigureStyles(lines, pal, page);
  assert.equal(new Set(lines.map((l) => s.colourOf(l))).size, 4);
  assert.deepEqual(
    lines.map((l) => dashName(s, l)),
    ['solid', 'solid', 'solid', 'solid'],
  );
  // The declared order sets the colours: the first declared arm takes the first colour.
  assert.equal(s.colourOf(lines[1]), pal.categorical[0]);
});

/** Hue in degrees and saturation of a #rrggbb colour. */
function hueSat(hex: string): { h: number; s: number } {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((x) => x / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  if (d === 0) return { h: 0, s: 0 };
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return { h: (h * 60 + 360) % 360, s: d / (1 - Math.abs(max + min - 1)) };
}

test("no line colour can be taken for the paper's marks (the theme's warning amber), in either theme", () => {
  for (const kind of ['dark', 'light'] as const) {
    const marks = THEMES[kind].vars['--vscode-editorWarning-foreground'];
    const m = hueSat(marks);
    const p = palette(kind);
    for (const c of [...p.categorical, ...p.ramp]) {
      const x = hueSat(c);
      const apart = Math.min(Math.abs(x.h - m.h), 360 - Math.abs(x.h - m.h));
      assert.ok(
        x.s < 0.25 || apart >= 35,
        `${kind}: line colour ${c} is ${apart.toFixed(0)}° from the marks' ${marks}`,
      );
    }
  }
});

test('many lines crossing arms with a number get a compact legend: one entry per arm, one per value', () => {
  const densities = [1, 0.8, 0.64, 0.51];
  const lines: StyledLine[] = densities.flatMap((density) =>
    (density === 1 ? ['ticket'] : ['ticket', 'random_reinit']).map((arm) => ({ group: 0, tags: { arm, density } })),
  );
  const s = new FigureStyles(lines, pal, new ArmDashes(), new Map([['ticket', 'winning ticket']]));
  const key = s.compactLegend((_t, v) => `${v * 100}%`)!;
  assert.deepEqual(
    key.map((k) => k.text),
    ['winning ticket', 'random reinit', '100% weights', '80% weights', '64% weights', '51% weights'],
  );
  assert.deepEqual(key[0].dash, [], 'the method solid');
  assert.equal(key[2].colour, pal.ramp[0]);
  assert.equal(new FigureStyles(lines.slice(0, 3), pal).compactLegend(String), undefined, 'few lines: one entry each');
});
