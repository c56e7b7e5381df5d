/**
 * The "Paper" page a researcher opens from a config's CodeLens: what the paper claims, its own
 * setting, the numbers it reports (with where each comes from), what our small-scale setting changes
 * and the rules Paperlab checks. Markdown, so VS Code's preview renders it and the CLI can print it.
 */
import type { PaperEntry } from '../core/paper';
import { isImplemented } from '../core/paper';
import type { ReferenceNumber } from '../core/figures/spec';

/** Where a reference sits: an absolute value, or a claim relative to one of our own series. */
function referenceWhere(r: ReferenceNumber): string {
  const at = r.x !== undefined ? ` at x = ${r.x}` : '';
  if (r.y !== undefined) return `${r.y}${at}`;
  if (r.relative) {
    const to = Object.entries(r.relative.to)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    const f = r.relative.factor !== undefined && r.relative.factor !== 1 ? ` × ${+r.relative.factor.toFixed(3)}` : '';
    const o = r.relative.offset ? ` ${r.relative.offset > 0 ? '+' : '−'} ${Math.abs(r.relative.offset)}` : '';
    return `our ${to}${f}${o}${at}`;
  }
  return at ? at.trim() : '—';
}

function fmt(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function paperPageMarkdown(p: PaperEntry): string {
  const lines: string[] = [`# ${p.title}`, '', `\`paper: ${p.id}\` · tier ${p.tier} · ${p.cluster}`, '', p.summary, ''];
  if (!isImplemented(p)) {
    lines.push(
      '> Paperlab knows this paper but does not support it yet: configs naming it are parsed, but there is',
      '> no schema, no rules and no recipe. See the README for how to add a paper.',
    );
    return lines.join('\n');
  }
  lines.push(`*${p.citation}*`, '', '## What it claims', '', p.claims, '');
  if (p.paperSetting.length) {
    lines.push("## The paper's setting", '', '| key | paper value | source |', '|---|---|---|');
    for (const s of p.paperSetting) lines.push(`| \`${s.path.join('.')}\` | \`${fmt(s.value)}\` | ${s.source} |`);
    lines.push('');
  }
  if (p.references.length) {
    lines.push('## Numbers the paper reports', '', '| claim | where | source | confirmed |', '|---|---|---|---|');
    for (const r of p.references)
      lines.push(`| ${r.label} | ${referenceWhere(r)} | ${r.source} | ${r.confirmed ? 'yes' : 'no — unconfirmed'} |`);
    lines.push('');
  }
  lines.push('## What our setting changes', '', p.scaleNote, '');
  if (p.rules.length) {
    lines.push('## What Paperlab checks in your config', '');
    for (const r of p.rules) lines.push(`- **${r.code}** — ${r.title} (${r.source})`);
    lines.push('');
  }
  if (p.figures.length) {
    lines.push('## Figures the dashboard draws', '');
    for (const f of p.figures) lines.push(`- ${f.title}${f.paperFigure ? ` — mirrors ${f.paperFigure}` : ''}`);
    lines.push('');
  }
  return lines.join('\n');
}
