/**
 * One rule for how a line looks, the same on every chart, and said in words under each chart:
 *  - the line's dash is its arm: the paper's method solid, each control its own dash (kept for the
 *    whole page, so an arm looks the same on every chart);
 *  - its colour is what else tells the lines apart: a number (weights remaining, α, ratio) runs along
 *    a colour ramp in order; otherwise (runs, named settings) each gets a palette colour. When the
 *    lines differ by arm only, the colour follows the arm too;
 *  - its marker is its run group (seeds of one config are one group).
 * No colour of a line is the paper's-marks colour (theme.ts). Pure (no DOM): unit tests import it.
 */

export interface Dash {
  pattern: number[];
  /** How the legend's sentence names it. */
  name: string;
}

export const DASHES: Dash[] = [
  { pattern: [], name: 'solid' },
  { pattern: [7, 4], name: 'dashed' },
  { pattern: [2, 3], name: 'dotted' },
  { pattern: [10, 3, 2, 3], name: 'dash-dot' },
  { pattern: [4, 2, 1, 2, 1, 2], name: 'dash-dot-dot' },
  { pattern: [12, 6], name: 'long-dashed' },
];
export const MARKERS = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star', 'rectRounded'] as const;

/** An arm as a paper's definition declares it (`arms`: method first). */
export interface ArmRole {
  id: string;
  label?: string;
  role: 'method' | 'control';
}

/** Names taken for the method when no paper says (a report written by an older version). */
const METHOD_ARMS = ['ticket', 'winning_ticket', 'main'];

/** The dash of each arm, kept for the whole page: method arms solid, controls in order of first sight. */
export class ArmDashes {
  private readonly controls = new Map<string, number>();
  private readonly roles = new Map<string, 'method' | 'control'>();
  private readonly colours = new Map<string, number>();

  /** The roles the papers on the page declare (their order, method first, is also the arms' colour order). */
  learn(arms: readonly ArmRole[] | undefined): void {
    for (const a of arms ?? []) {
      this.roles.set(a.id, a.role);
      this.colourIndex(a.id);
    }
  }

  /**
   * The arm's colour for the whole page: declared arms in their paper's order, others in order of
   * first sight. Not the dash's index: a paper may declare several method arms (adversarial-power-law's
   * four models), which share the solid dash and must still differ in colour.
   */
  colourIndex(arm: string): number {
    let i = this.colours.get(arm);
    if (i === undefined) this.colours.set(arm, (i = this.colours.size));
    return i;
  }

  isMethod(arm: string): boolean {
    const role = this.roles.get(arm);
    return role ? role === 'method' : METHOD_ARMS.includes(arm);
  }

  index(arm: string | undefined): number {
    if (arm === undefined || this.isMethod(arm)) return 0;
    let i = this.controls.get(arm);
    if (i === undefined) this.controls.set(arm, (i = this.controls.size));
    return 1 + (i % (DASHES.length - 1));
  }
}

/** The dashboard page's arms. */
export const PAGE_ARMS = new ArmDashes();

export interface Palette {
  /** Distinct colours for unordered things (runs, arms, named settings). */
  categorical: string[];
  /** An ordered ramp for a number (first = first in legend order). */
  ramp: string[];
}

export interface StyledLine {
  group: number;
  tags: Record<string, string | number | boolean>;
  label?: string;
}

/** An entry of a compact legend: an arm's dash (in the text colour) or a value's colour (solid). */
export interface LegendKey {
  text: string;
  colour?: string;
  dash: number[];
}

export interface LineStyle {
  colour: string;
  dash: number[];
  marker: (typeof MARKERS)[number];
}

/** Words for the tags a colour can follow. */
const TAG_WORDS: Record<string, string> = {
  density: 'weights remaining',
  round: 'pruning round',
  alpha: 'α',
  ratio: 'ratio',
  width: 'width',
  layerwise: 'layer-wise',
  measured_on: 'measured on',
};

const armWords = (arm: string) => arm.replace(/_/g, ' ');

/** Styles of the lines of one figure, and the sentence that says how to read them. */
export class FigureStyles {
  /** The one tag colour follows, when a single number tells the lines apart. */
  private readonly rampTag?: string;
  private readonly rampValues: number[] = [];
  /** Colour follows the arm (lines differ by arm only). */
  private readonly byArm: boolean;
  private readonly colourKeys = new Map<string, number>();
  private readonly groups: number;

  constructor(
    private readonly lines: StyledLine[],
    private readonly palette: Palette,
    private readonly arms: ArmDashes = PAGE_ARMS,
    /** Arm labels from the paper's definition, for the rule's words. */
    private readonly armLabels: ReadonlyMap<string, string> = new Map(),
  ) {
    this.groups = new Set(lines.map((l) => l.group)).size;
    const varying = new Map<string, Set<string | number | boolean>>();
    for (const l of lines)
      for (const [k, v] of Object.entries(l.tags)) {
        if (k === 'arm') continue;
        let s = varying.get(k);
        if (!s) varying.set(k, (s = new Set()));
        s.add(v);
      }
    const differing = [...varying].filter(([, vals]) => vals.size > 1);
    const numeric = differing.length === 1 && [...differing[0][1]].every((v) => typeof v === 'number');
    // One number across one run group: a ramp. Several groups or several tags: palette colours.
    if (numeric && this.groups === 1) {
      this.rampTag = differing[0][0];
      this.rampValues = ([...differing[0][1]] as number[]).sort((a, b) => (this.rampTag === 'density' ? b - a : a - b));
    }
    const keys = new Set(lines.map((l) => colourKey(l.group, l.tags)));
    this.byArm = keys.size === 1 && new Set(lines.map((l) => l.tags.arm)).size > 1;
  }

  styleOf(line: StyledLine): LineStyle {
    return { colour: this.colourOf(line), dash: DASHES[this.dashIndex(line)].pattern, marker: this.markerOf(line) };
  }

  dashIndex(line: StyledLine): number {
    const arm = line.tags.arm;
    return this.arms.index(arm === undefined ? undefined : String(arm));
  }

  private markerOf(line: StyledLine): LineStyle['marker'] {
    return MARKERS[line.group % MARKERS.length];
  }

  colourOf(line: StyledLine): string {
    const cat = this.palette.categorical;
    if (this.byArm && line.tags.arm !== undefined) {
      // The same arm, the same colour, on every chart of the page.
      return cat[this.arms.colourIndex(String(line.tags.arm)) % cat.length];
    }
    if (this.rampTag) {
      const v = line.tags[this.rampTag];
      const i = this.rampValues.indexOf(v as number);
      const ramp = this.palette.ramp;
      const n = this.rampValues.length;
      return ramp[n <= 1 ? 0 : Math.round((i / (n - 1)) * (ramp.length - 1))];
    }
    const key = colourKey(line.group, line.tags);
    let i = this.colourKeys.get(key);
    if (i === undefined) this.colourKeys.set(key, (i = this.colourKeys.size));
    return cat[i % cat.length];
  }

  /**
   * A short legend for a figure whose lines cross arms with a number (Fig. 3: 2 arms × 8 densities):
   * one entry per arm (its dash) and one per value (its colour), instead of one per line. Undefined
   * when each line is best named on its own.
   */
  compactLegend(format: (tag: string, v: number) => string): LegendKey[] | undefined {
    if (!this.rampTag || this.lines.length <= 6) return undefined;
    const out: LegendKey[] = [];
    const arms = [...new Set(this.lines.map((l) => l.tags.arm).filter((a) => a !== undefined))].map(String);
    for (const arm of arms.sort((a, b) => this.arms.index(a) - this.arms.index(b)))
      out.push({ text: this.armLabels.get(arm) ?? armWords(arm), dash: DASHES[this.arms.index(arm)].pattern });
    const words = TAG_WORDS[this.rampTag] ?? this.rampTag;
    for (const v of this.rampValues)
      out.push({
        text: this.rampTag === 'density' ? `${format(this.rampTag, v)} weights` : `${words} ${format(this.rampTag, v)}`,
        colour: this.colourOf({ group: 0, tags: { [this.rampTag]: v } }),
        dash: [],
      });
    return out;
  }

  /**
   * How to read the lines, e.g. "Line: solid = ticket (the method), dashed = random reinit (a control).
   * Colour: weights remaining, from 100% (first) to 21.1% (last)." `format` renders a ramp value.
   */
  rule(format: (tag: string, v: number) => string = (_t, v) => String(v)): string {
    const parts: string[] = [];
    const arms = [...new Set(this.lines.map((l) => l.tags.arm).filter((a) => a !== undefined))].map(String);
    if (arms.length > 1 || (arms.length === 1 && !this.arms.isMethod(arms[0]))) {
      const seen = new Map<number, string[]>();
      for (const arm of arms) {
        const d = this.arms.index(arm);
        seen.set(d, [...(seen.get(d) ?? []), this.armLabels.get(arm) ?? armWords(arm)]);
      }
      const described = [...seen]
        .sort(([a], [b]) => a - b)
        .map(([d, names]) => `${DASHES[d].name} = ${names.join(', ')}${d === 0 ? ' (the method)' : ''}`);
      parts.push(`Line: ${described.join('; ')}.`);
    }
    if (this.byArm) parts.push('Colour: the arm, as the line.');
    else if (this.rampTag && this.rampValues.length > 1) {
      const first = format(this.rampTag, this.rampValues[0]);
      const last = format(this.rampTag, this.rampValues[this.rampValues.length - 1]);
      parts.push(`Colour: ${TAG_WORDS[this.rampTag] ?? this.rampTag}, from ${first} (blue) to ${last} (red).`);
    } else if (this.groups > 1) parts.push('Colour and marker: the run (seeds of one config share one line).');
    return parts.join(' ');
  }
}

function colourKey(group: number, tags: Record<string, unknown>): string {
  const rest = Object.keys(tags)
    .filter((k) => k !== 'arm')
    .sort()
    .map((k) => `${k}=${String(tags[k])}`)
    .join(',');
  return `${group}|${rest}`;
}
