/**
 * The language service, free of `vscode` so it runs in the CLI and in unit tests: completion and
 * hover for experiment configs. The host adapters (src/host/editor/language.ts) only convert types.
 * Like lint, these never throw; on anything unexpected they return nothing.
 */
import { getLocation } from 'jsonc-parser';
import type { Position, Range } from './findings';
import {
  isImplemented,
  type ConfigPath,
  type PaperDefinition,
  type PaperEntry,
  type PaperRegistry,
} from '../paper/types';
import { cannotTrainYet, paperStatus, STATUS_WORDS, type PaperStatus } from '../paper/blocks';
import { ConfigDocument } from './document';
import { schemaAt, schemaOf, keyMarkdown, settingFor, typeLabel, dottedPath } from './schemaInfo';
import { yamlInline } from './edits';
import { sameValue } from './lint';
import { sweepHover, sweepKeyCompletion, sweepKeyCompletions, sweptSettingPath } from '../sweep/language';

export interface CompletionEntry {
  label: string;
  kind: 'key' | 'value' | 'paper';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText?: string;
  /** `insertText` is a snippet (`${1:…}` placeholders). */
  snippet?: boolean;
  sortText?: string;
  preselect?: boolean;
  filterText?: string;
  /** The text the item replaces (the partly typed word); editors may use their own word range instead. */
  range?: Range;
}

export interface HoverResult {
  markdown: string;
  range?: Range;
}

export interface LanguageOptions {
  /** The papers `paper:` may name (src/papers/index.ts `paperRegistry`). */
  papers: PaperRegistry;
  /** Read the text as YAML or JSON regardless of the file name. */
  kind?: 'yaml' | 'json';
}

interface Context {
  /** The object (key completion) or the key (value completion) at the cursor. */
  path: ConfigPath;
  onKey: boolean;
  /** What has been typed of the word so far, and where it starts. */
  word: string;
  wordStart: number;
  /** Leading spaces of the line, for multi-line YAML inserts. */
  indent: string;
  /** Inside a string literal (JSON): insert bare text, the quotes are already there. */
  inString: boolean;
}

export function complete(
  text: string,
  fileName: string,
  position: Position,
  { papers, kind }: LanguageOptions,
): CompletionEntry[] {
  try {
    const doc = new ConfigDocument(text, fileName, kind);
    const offset = doc.lines.offsetAt(position);
    const ctx = doc.kind === 'json' ? jsonContext(doc, offset) : yamlContext(doc, offset, position);
    if (!ctx) return [];
    const paper = paperOf(doc.value, papers);
    const range = doc.lines.range(ctx.wordStart, offset);
    const items = ctx.onKey ? keyItems(doc, paper, ctx) : valueItems(paper, sweptCtx(ctx), doc.kind, papers);
    return items.map((i) => ({ ...i, range }));
  } catch {
    return [];
  }
}

export function hover(
  text: string,
  fileName: string,
  position: Position,
  { papers, kind }: LanguageOptions,
): HoverResult | undefined {
  try {
    const doc = new ConfigDocument(text, fileName, kind);
    const offset = doc.lines.offsetAt(position);
    const at = doc.pathAt(offset);
    if (at.path.length === 0) return undefined;
    const range =
      at.onKey && at.prop
        ? doc.lines.range(at.prop.keyStart, at.prop.keyEnd)
        : at.node
          ? doc.lines.range(at.node.start, at.node.end)
          : undefined;
    const paper = paperOf(doc.value, papers);
    if (at.path[0] === 'sweep') {
      const md = sweepHover(paper && isImplemented(paper) ? paper : undefined, at.path, doc.value);
      return md ? { markdown: md, range } : undefined;
    }
    if (at.path.length === 1 && at.path[0] === 'paper') {
      const entry = paper;
      return {
        markdown: entry
          ? paperMarkdown(entry)
          : '**`paper`** — which paper this experiment reproduces; it selects the keys, rules and figures.',
        range,
      };
    }
    if (!paper || !isImplemented(paper)) return undefined;
    const s = schemaAt(schemaOf(paper), at.path);
    if (!s) return undefined;
    let md = keyMarkdown(paper, at.path, s);
    if (!at.onKey && at.node?.type === 'scalar' && Array.isArray(s.enum) && s.enum.includes(at.node.value)) {
      md = `\`${String(at.node.value)}\` — value of ${md}`;
    }
    return { markdown: md, range };
  } catch {
    return undefined;
  }
}

function paperOf(value: unknown, papers: PaperRegistry): PaperEntry | undefined {
  const id =
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).paper : undefined;
  return typeof id === 'string' ? papers.get(id) : undefined;
}

const STATUS_ORDER: Record<PaperStatus, number> = { runs: 0, 'schema-only': 1, 'catalog-only': 2 };

export function paperMarkdown(p: PaperEntry): string {
  const lines = [`**${p.title}**`, '', `\`${p.id}\` · tier ${p.tier} · ${p.cluster}`, '', p.summary];
  const missing = cannotTrainYet(p);
  if (missing) lines.push('', `_${missing}_`);
  if (isImplemented(p)) lines.push('', p.claims, '', `*${p.citation}*`, '', `**Here:** ${p.scaleNote}`);
  else lines.push('', '_Schema not available yet: configs for this paper are not checked and cannot run yet._');
  return lines.join('\n');
}

// ---------------------------------------------------------------- context

function yamlContext(doc: ConfigDocument, offset: number, position: Position): Context | undefined {
  const line = doc.lines.lineText(position.line);
  const before = line.slice(0, position.character);
  if (/(^|\s)#/.test(before.replace(/"[^"]*"|'[^']*'/g, '""'))) return undefined; // in a comment
  const lineStart = doc.lines.lineStart(position.line);
  const indent = /^\s*/.exec(before)![0];
  const flow = innermostFlow(before);
  const wordMatch = /[\w.-]*$/.exec(before)!;
  const word = wordMatch[0];
  const wordStart = offset - word.length;
  if (flow) {
    const containerPath = doc.pathAt(lineStart + flow.index).path;
    const segment = before
      .slice(flow.index + 1)
      .split(',')
      .pop()!;
    if (flow.char === '[') return { path: containerPath, onKey: false, word, wordStart, indent, inString: false };
    const colon = segment.indexOf(':');
    if (colon >= 0)
      return {
        path: [...containerPath, segment.slice(0, colon).trim()],
        onKey: false,
        word,
        wordStart,
        indent,
        inString: false,
      };
    return { path: containerPath, onKey: true, word, wordStart, indent, inString: false };
  }
  const valueMatch =
    /^(\s*)(-\s+)?(["']?)([\w.-]+)\3\s*:\s+(.*)$/.exec(before) ?? /^(\s*)(-\s+)?(["']?)([\w.-]+)\3\s*:()$/.exec(before);
  const parent = parentPath(doc, position.line, indent.length);
  if (valueMatch) return { path: [...parent, valueMatch[4]], onKey: false, word, wordStart, indent, inString: false };
  const itemMatch = /^(\s*)-\s+([\w.-]*)$/.exec(before);
  if (itemMatch) return { path: parent, onKey: false, word, wordStart, indent, inString: false };
  if (/^\s*[\w-]*$/.test(before)) return { path: parent, onKey: true, word, wordStart, indent, inString: false };
  return undefined;
}

/** The innermost `{` or `[` still open on this line before the cursor. */
function innermostFlow(before: string): { char: '{' | '['; index: number } | undefined {
  const stack: { char: '{' | '['; index: number }[] = [];
  let quote = '';
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') stack.push({ char: c, index: i });
    else if ((c === '}' || c === ']') && stack.length) stack.pop();
    else if (c === '#' && (i === 0 || /\s/.test(before[i - 1]))) break;
  }
  return stack[stack.length - 1];
}

/**
 * The path of the block that a line at this indentation belongs to: the nearest line above with less
 * indentation that opens a block (`key:` and nothing after it), or the root.
 */
function parentPath(doc: ConfigDocument, line: number, indent: number): ConfigPath {
  for (let l = line - 1; l >= 0; l--) {
    const t = doc.lines.lineText(l);
    if (!t.trim() || /^\s*#/.test(t)) continue;
    const ind = /^\s*/.exec(t)![0].length;
    if (ind >= indent) continue;
    const m = /^(\s*)(?:-\s+)?(["']?)([\w.-]+)\2\s*:\s*(#.*)?$/.exec(t);
    if (!m) return [];
    const keyOffset = doc.lines.lineStart(l) + t.indexOf(m[3]);
    const at = doc.pathAt(keyOffset);
    return at.onKey ? at.path : [];
  }
  return [];
}

function jsonContext(doc: ConfigDocument, offset: number): Context | undefined {
  if (!doc.root && !doc.text.trim())
    return { path: [], onKey: true, word: '', wordStart: offset, indent: '', inString: false };
  const loc = getLocation(doc.text, offset);
  const before = doc.text.slice(Math.max(0, offset - 200), offset);
  const str = /"([^"\\]*)$/.exec(before);
  const inString = !!str && (before.split('"').length - 1) % 2 === 1;
  const word = inString ? str[1] : /[\w.-]*$/.exec(before)![0];
  const path = loc.path.filter((s) => s !== '') as ConfigPath;
  if (loc.isAtPropertyKey) {
    return {
      path: typeof loc.path[loc.path.length - 1] === 'string' ? path.slice(0, loc.path.length - 1) : path,
      onKey: true,
      word,
      wordStart: offset - word.length,
      indent: '',
      inString,
    };
  }
  return { path, onKey: false, word, wordStart: offset - word.length, indent: '', inString };
}

// ---------------------------------------------------------------- items

function keyItems(doc: ConfigDocument, paper: PaperEntry | undefined, ctx: Context): CompletionEntry[] {
  const present = new Set(Object.keys(objectAt(doc.value, ctx.path) ?? {}));
  const json = doc.kind === 'json';
  if (!paper || !isImplemented(paper)) {
    if (ctx.path.length > 0 || present.has('paper')) return [];
    // An empty JSON file needs the braces too.
    const insertText = json && !doc.root ? '{\n  "paper": "$1"\n}' : keyInsert('paper', undefined, json, ctx);
    return [
      {
        label: 'paper',
        kind: 'key',
        detail: 'which paper to reproduce',
        documentation: 'Selects the schema, rules and figures. Completion on the value lists the papers.',
        insertText,
        snippet: true,
        sortText: '0',
      },
    ];
  }
  if (ctx.path[0] === 'sweep') return sweepKeyCompletions(paper, ctx.path, present, json);
  const s = schemaAt(schemaOf(paper), ctx.path);
  if (!s || s.type !== 'object' || !s.properties) return [];
  const out: CompletionEntry[] = [];
  Object.entries<any>(s.properties).forEach(([key, sub], i) => {
    if (present.has(key) && key !== ctx.word) return;
    const path = [...ctx.path, key];
    const paperValue = settingFor(paper, path)?.value;
    const suggested = paperValue !== undefined ? paperValue : sub.default;
    out.push({
      label: key,
      kind: 'key',
      detail: [typeLabel(sub), suggested !== undefined && sub.type !== 'object' ? `= ${yamlInline(suggested)}` : '']
        .filter(Boolean)
        .join(' '),
      documentation: keyMarkdown(paper, path, sub),
      insertText: keyInsert(key, sub.type === 'object' ? undefined : suggested, json, ctx, sub.type === 'object'),
      snippet: true,
      // Schema order: it is the order of the example config and of the paper's own presentation.
      sortText: String(i).padStart(3, '0'),
    });
  });
  // The config language's own block, after the paper's keys.
  if (ctx.path.length === 0 && !present.has('sweep')) out.push(sweepKeyCompletion(json));
  return out;
}

/** A value inside `sweep.grid` completes as the setting it sweeps. */
function sweptCtx(ctx: Context): Context {
  const setting = sweptSettingPath(ctx.path);
  return setting ? { ...ctx, path: setting } : ctx;
}

function keyInsert(key: string, value: unknown, json: boolean, ctx: Context, block = false): string {
  const esc = (t: string) => t.replace(/[\\$}]/g, (c) => `\\${c}`);
  if (json) {
    const k = ctx.inString ? key : `"${key}"`;
    if (ctx.inString) return k;
    if (block) return `${k}: {$0}`;
    return `${k}: \${1:${esc(JSON.stringify(value ?? null))}}`;
  }
  if (block) return `${key}:\n${ctx.indent}  $0`;
  return value === undefined ? `${key}: $0` : `${key}: \${1:${esc(yamlInline(value))}}`;
}

function valueItems(
  paper: PaperEntry | undefined,
  ctx: Context,
  kind: 'yaml' | 'json',
  papers: PaperRegistry,
): CompletionEntry[] {
  const quote = (v: string) => (kind === 'json' && !ctx.inString ? JSON.stringify(v) : v);
  if (ctx.path.length === 1 && ctx.path[0] === 'paper') {
    return papers.all().map((p, i) => ({
      label: p.id,
      kind: 'paper' as const,
      detail: `${p.title} (tier ${p.tier}, ${STATUS_WORDS[paperStatus(p)]})`,
      documentation: paperMarkdown(p),
      insertText: quote(p.id),
      // Papers that run first, then those whose configs are checked, then the catalog's order.
      sortText: `${STATUS_ORDER[paperStatus(p)]}${String(i).padStart(3, '0')}`,
    }));
  }
  if (!paper || !isImplemented(paper)) return [];
  const s = schemaAt(schemaOf(paper), ctx.path);
  if (!s) return [];
  const itemSchema = s.type === 'array' ? s.items : s;
  const setting = settingFor(paper, ctx.path);
  const values: unknown[] = Array.isArray(itemSchema?.enum)
    ? itemSchema.enum
    : itemSchema?.type === 'boolean'
      ? [true, false]
      : [];
  const candidates = values.length ? values : [setting?.value, s.default].filter((v) => v !== undefined);
  const seen: unknown[] = [];
  const out: CompletionEntry[] = [];
  for (const v of candidates) {
    if (seen.some((x) => sameValue(x, v))) continue;
    seen.push(v);
    const isPaper =
      setting !== undefined &&
      (sameValue(setting.value, v) || (Array.isArray(setting.value) && setting.value.includes(v)));
    const isDefault =
      s.default !== undefined && (sameValue(s.default, v) || (Array.isArray(s.default) && s.default.includes(v)));
    const text = typeof v === 'string' ? quote(v) : kind === 'json' ? JSON.stringify(v) : yamlInline(v);
    out.push({
      label: typeof v === 'string' ? v : yamlInline(v),
      kind: 'value',
      detail: [isPaper ? "the paper's value" : '', isDefault ? 'default' : ''].filter(Boolean).join(', ') || undefined,
      documentation: isPaper
        ? `The paper: \`${yamlInline(setting.value)}\` — ${setting.source}`
        : `Value of \`${dottedPath(ctx.path)}\`.`,
      insertText: text,
      sortText: `${isPaper ? 0 : isDefault ? 1 : 2}${String(out.length).padStart(3, '0')}`,
      preselect: isPaper || (setting === undefined && isDefault) || undefined,
    });
  }
  return out;
}

function objectAt(value: unknown, path: ConfigPath): Record<string, unknown> | undefined {
  let cur: any = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[seg];
  }
  return cur && typeof cur === 'object' && !Array.isArray(cur) ? cur : undefined;
}

export type { PaperDefinition };
