/**
 * The "Paper" page a researcher opens from a config's CodeLens: what the paper claims, its own
 * setting, the numbers it reports (with where each comes from and where the dashboard marks it), what
 * our small-scale setting changes and the rules Paperlab checks. Markdown, so VS Code's preview
 * renders it and the CLI can print it. Written for a reader who knows the paper, not our code.
 */
import type { PaperDefinition, PaperEntry, Tier } from '../core/paper';
import { cannotTrainYet, isImplemented } from '../core/paper';
import type { AxisSpec, FigureSpec, ReferenceNumber } from '../core/figures/spec';

/** What a tier promises, in a sentence (from the catalog's definition). */
export const TIER_MEANING: Record<Tier, string> = {
  A: "the paper's headline result reproduces at small scale in minutes on a laptop CPU",
  B: 'a faithful toy version of the method runs on a laptop CPU; it needs more machinery than tier A',
  C: "the paper's own experiments need data or models a laptop CPU cannot have; configs lint, and the method runs on a small stand-in",
};

const words = (s: string) => s.replace(/_/g, ' ');

/** A value on an axis in the figure's own words: 0.21 on a "% weights remaining" axis is "21% weights remaining". */
function onAxis(axis: AxisSpec | undefined, v: number): string {
  if (!axis) return String(v);
  const label = axis.label.replace(/\s*\(%\)\s*$/, '').replace(/, log scale$/, '');
  if (axis.percent) return `${+(v * 100).toFixed(1)}% ${label.replace(/^%\s*/, '')}`.trim();
  return `${label} ${v}`;
}

/** "our ticket runs", "our random reinit runs" from a reference's `to` tags. */
function ourSeries(to: Record<string, string | number>): string {
  const arm = to.arm !== undefined ? words(String(to.arm)) : '';
  const rest = Object.entries(to)
    .filter(([k]) => k !== 'arm')
    .map(([k, v]) => `${words(k)} ${v}`)
    .join(', ');
  return `our ${[arm, rest].filter(Boolean).join(', ') || 'own'} run`;
}

function number(v: number): string {
  return String(+v.toPrecision(3));
}

/**
 * Where the dashboard marks a reported number, in words: "at 21% weights remaining, 0.62 × our ticket
 * run's early-stop iteration at 100% weights remaining".
 */
export function whereMarked(r: ReferenceNumber, fig: FigureSpec | undefined): string {
  const yAxis = fig?.y[r.axis ?? 0];
  const yLabel = yAxis ? yAxis.label.replace(/\s*\(%\)\s*$/, '') : 'value';
  const at = r.x !== undefined ? `at ${onAxis(fig?.x, r.x)}` : '';
  if (r.y !== undefined)
    return [at, `the paper's own value: ${yAxis?.percent ? `${number(r.y * 100)}%` : number(r.y)} ${yLabel}`]
      .filter(Boolean)
      .join(', ');
  if (r.relative) {
    const { to, atX, factor, offset } = r.relative;
    const base = `${ourSeries(to)}'s ${yLabel}${atX !== undefined ? ` at ${onAxis(fig?.x, atX)}` : ''}`;
    const scaled = factor !== undefined && factor !== 1 ? `${number(factor)} × ${base}` : base;
    const shifted = offset
      ? `${scaled} ${offset > 0 ? '+' : '−'} ${yAxis?.percent ? `${number(Math.abs(offset) * 100)} points` : number(Math.abs(offset))}`
      : scaled;
    return `${at ? `${at}, ` : ''}${shifted}`;
  }
  return at ? `a line ${at}` : 'listed under the figure, not drawn';
}

function figureOf(p: PaperDefinition, r: ReferenceNumber): FigureSpec | undefined {
  return p.figures.find((f) => f.references?.includes(r.id));
}

function fmt(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function paperPageMarkdown(p: PaperEntry): string {
  const lines: string[] = [
    `# ${p.title}`,
    '',
    `\`paper: ${p.id}\` · ${p.cluster} · tier ${p.tier}: ${TIER_MEANING[p.tier]}.`,
    '',
    p.summary,
    '',
  ];
  if (!isImplemented(p)) {
    lines.push(
      '> Paperlab knows this paper but does not support it yet: configs naming it are parsed, but there is',
      '> no schema, no rules and no recipe. See the README for how to add a paper.',
    );
    return lines.join('\n');
  }
  lines.push(`*${p.citation}*`, '', '## What it claims', '', p.claims, '');
  const missing = cannotTrainYet(p);
  if (missing) lines.push(`> ${missing}`, '');
  if (p.paperSetting.length) {
    lines.push("## The paper's setting", '', '| key | paper value | source |', '|---|---|---|');
    for (const s of p.paperSetting) lines.push(`| \`${s.path.join('.')}\` | \`${fmt(s.value)}\` | ${s.source} |`);
    lines.push('');
  }
  if (p.references.length) {
    lines.push(
      '## Numbers the paper reports',
      '',
      'The dashboard marks each one on its figure as P1, P2, … in amber. A claim the paper makes against its own baseline ("2.51× sooner than reinit") is placed from our runs: our baseline times the paper\'s ratio, since our setting is far smaller than the paper\'s.',
      '',
      '| what the paper reports | where the dashboard marks it | source |',
      '|---|---|---|',
    );
    for (const r of p.references) {
      const unchecked = r.confirmed ? '' : ' — not yet checked against the paper itself (from our research notes)';
      lines.push(`| ${r.label} | ${whereMarked(r, figureOf(p, r))} | ${r.source}${unchecked} |`);
    }
    lines.push('');
  }
  lines.push('## What our setting changes', '', p.scaleNote, '');
  if (p.rules.length) {
    lines.push('## What Paperlab checks in your config', '');
    for (const r of p.rules) lines.push(`- ${r.title} (${r.source}) — \`${r.code}\``);
    lines.push('');
  }
  if (p.figures.length) {
    lines.push('## Figures the dashboard draws', '');
    for (const f of p.figures)
      lines.push(`- ${f.title}${f.paperFigure ? ` — mirrors the paper's ${f.paperFigure}` : ''}`);
    lines.push('');
  }
  lines.push('## Tiers', '', ...(['A', 'B', 'C'] as Tier[]).map((t) => `- **Tier ${t}**: ${TIER_MEANING[t]}.`), '');
  return lines.join('\n');
}
