/**
 * Turns structural edits (`ConfigEdit`: set a value, rename a key, add a key) into text edits for the
 * document as written: YAML block or flow style, or JSON. Fixes are described on the config's
 * structure by the rules and located here, so a rule never computes offsets.
 * An edit that cannot be placed (e.g. adding a key under a list) yields no text edits, and the fix is
 * then dropped rather than offered broken.
 */
import { modify } from 'jsonc-parser';
import type { TextEdit } from './findings';
import type { ConfigEdit, ConfigPath } from '../paper/types';
import type { ConfigDocument } from './document';

const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/** A value written inline in YAML: plain scalars where unambiguous, flow collections. */
export function yamlInline(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    const plain = /^[A-Za-z_][A-Za-z0-9_.\-/]*( [A-Za-z0-9_.\-/]+)*$/.test(value) && !RESERVED.test(value);
    return plain ? value : JSON.stringify(value);
  }
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value) : value > 0 ? '.inf' : value < 0 ? '-.inf' : '.nan';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(yamlInline).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length ? `{ ${entries.map(([k, v]) => `${yamlKey(k)}: ${yamlInline(v)}`).join(', ')} }` : '{}';
  }
  return JSON.stringify(String(value));
}

function yamlKey(k: string): string {
  // Dots are plain YAML too: grid keys of a sweep are dotted paths (`train.lr`).
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(k) && !RESERVED.test(k) ? k : JSON.stringify(k);
}

/** `{b: {c: v}}` for the part of a path that does not exist yet. */
function nest(rest: ConfigPath, value: unknown): unknown {
  let v = value;
  for (let i = rest.length - 1; i >= 0; i--) v = { [String(rest[i])]: v };
  return v;
}

interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export function configEditsToTextEdits(doc: ConfigDocument, edits: readonly ConfigEdit[]): TextEdit[] {
  const out: OffsetEdit[] = [];
  for (const e of edits) {
    const one = doc.kind === 'json' ? jsonEdit(doc, e) : yamlEdit(doc, e);
    if (!one) return []; // all or nothing: half a fix is worse than none
    out.push(...one);
  }
  return out.map((o) => ({ range: doc.lines.range(o.start, o.end), newText: o.text }));
}

function jsonEdit(doc: ConfigDocument, e: ConfigEdit): OffsetEdit[] | undefined {
  const fmt = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };
  try {
    if (e.kind === 'renameKey') {
      const loc = doc.locate(e.path);
      if (loc.matched !== e.path.length || !loc.prop) return undefined;
      return [{ start: loc.prop.keyStart, end: loc.prop.keyEnd, text: JSON.stringify(e.newKey) }];
    }
    const path = e.kind === 'setValue' ? e.path : [...e.parent, e.key];
    if (doc.root === undefined && path.length > 0) {
      return [{ start: 0, end: doc.text.length, text: JSON.stringify(nest(path, e.value), null, 2) + '\n' }];
    }
    const res = modify(doc.text, path, e.value, fmt);
    return res.map((r) => ({ start: r.offset, end: r.offset + r.length, text: r.content }));
  } catch {
    return undefined;
  }
}

function yamlEdit(doc: ConfigDocument, e: ConfigEdit): OffsetEdit[] | undefined {
  if (e.kind === 'renameKey') {
    const loc = doc.locate(e.path);
    if (loc.matched !== e.path.length || !loc.prop) return undefined;
    const old = doc.text.slice(loc.prop.keyStart, loc.prop.keyEnd);
    const quoted = old.startsWith('"') || old.startsWith("'");
    return [
      { start: loc.prop.keyStart, end: loc.prop.keyEnd, text: quoted ? JSON.stringify(e.newKey) : yamlKey(e.newKey) },
    ];
  }
  if (e.kind === 'addKey') return yamlSet(doc, [...e.parent, e.key], e.value);
  return yamlSet(doc, e.path, e.value);
}

function yamlSet(doc: ConfigDocument, path: ConfigPath, value: unknown): OffsetEdit[] | undefined {
  if (path.length === 0) return undefined;
  const loc = doc.locate(path);
  if (loc.matched === path.length) {
    if (loc.prop && !loc.prop.value) {
      // `key:` with no value yet: write it after the colon.
      const colon = doc.text.indexOf(':', loc.prop.keyEnd);
      if (colon < 0) return undefined;
      return [{ start: colon + 1, end: colon + 1, text: ` ${yamlInline(value)}` }];
    }
    if (!loc.node) return undefined;
    return [{ start: loc.node.start, end: loc.node.end, text: yamlInline(value) }];
  }
  // Add the first missing key under the deepest existing object, nesting what remains.
  const parentPath = path.slice(0, loc.matched);
  const key = path[loc.matched];
  if (typeof key !== 'string') return undefined;
  const v = nest(path.slice(loc.matched + 1), value);
  const parent = loc.matched === 0 ? doc.root : loc.node;
  if (loc.matched > 0 && !parent && loc.prop) {
    // `prune:` with nothing under it: give it an inline block.
    return yamlSet(doc, parentPath, { [key]: v });
  }
  if (!parent) {
    if (loc.matched > 0 || (doc.value !== null && doc.value !== undefined)) return undefined;
    const sep = doc.text.length === 0 || /\n$/.test(doc.text) ? '' : '\n';
    return [{ start: doc.text.length, end: doc.text.length, text: `${sep}${yamlKey(key)}: ${yamlInline(v)}\n` }];
  }
  if (parent.type !== 'object') return undefined;
  const entry = `${yamlKey(key)}: ${yamlInline(v)}`;
  if (parent.flow) {
    const last = parent.props[parent.props.length - 1];
    if (!last) {
      const brace = doc.text.indexOf('{', parent.start);
      if (brace < 0) return undefined;
      return [{ start: brace + 1, end: brace + 1, text: ` ${entry} ` }];
    }
    const end = last.value ? last.value.end : last.keyEnd;
    return [{ start: end, end, text: `, ${entry}` }];
  }
  if (parent.props.length === 0) return undefined;
  const first = parent.props[0];
  const indent = first.keyStart - doc.lines.lineStart(doc.lines.positionAt(first.keyStart).line);
  let lastEnd = 0;
  for (const p of parent.props) lastEnd = Math.max(lastEnd, p.value ? p.value.end : p.keyEnd);
  // After the last line of the block (past any comment on it), at the block's indentation.
  const line = doc.lines.positionAt(Math.max(0, lastEnd - 1)).line;
  const at = doc.lines.lineStart(line) + doc.lines.lineText(line).length;
  return [{ start: at, end: at, text: `\n${' '.repeat(Math.max(0, indent))}${entry}` }];
}

/** Applies text edits to a text (for tests and the CLI's `--fix`, if it comes). Edits must not overlap. */
export function applyTextEdits(doc: ConfigDocument, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((e) => ({ start: doc.lines.offsetAt(e.range.start), end: doc.lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let text = doc.text;
  for (const e of sorted) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}
