/**
 * Reading a paper's published JSON Schema for the language service: the sub-schema at a path, and
 * the markdown that explains a key (meaning, legal range, default, the paper's own value).
 */
import type { ConfigPath, PaperDefinition, PaperSetting } from '../paper/types';
import { publishedSchema } from './validate';
import { yamlInline } from './edits';

const published = new Map<string, any>();

export function schemaOf(def: PaperDefinition): any {
  let s = published.get(def.id);
  if (!s) {
    s = publishedSchema(def.schema);
    published.set(def.id, s);
  }
  return s;
}

export function schemaAt(root: any, path: ConfigPath): any {
  let s = root;
  for (const seg of path) {
    if (!s || typeof s !== 'object') return undefined;
    if (typeof seg === 'number' || (s.type === 'array' && s.items)) s = s.items;
    else s = s.properties?.[seg];
  }
  return s;
}

export function settingFor(def: PaperDefinition, path: ConfigPath): PaperSetting | undefined {
  const key = JSON.stringify(path);
  return def.paperSetting.find((s) => JSON.stringify(s.path) === key);
}

/** "number", "whole number", "one of a | b", "list of whole numbers". */
export function typeLabel(s: any): string {
  if (!s) return '';
  if (Array.isArray(s.enum)) return `one of ${s.enum.map((v: unknown) => `\`${String(v)}\``).join(' | ')}`;
  if (s.const !== undefined) return `\`${s.const}\``;
  switch (s.type) {
    case 'integer':
      return 'whole number';
    case 'number':
      return 'number';
    case 'string':
      return 'text';
    case 'boolean':
      return 'true | false';
    case 'object':
      return 'block';
    case 'array': {
      const inner = typeLabel(s.items);
      return inner ? `list of ${inner.replace(/^one of /, '')}` : 'list';
    }
    default:
      return '';
  }
}

/** "> 0 and ≤ 10", "1 to 40 items". */
export function legalRange(s: any): string {
  if (!s) return '';
  const parts: string[] = [];
  if (s.exclusiveMinimum !== undefined) parts.push(`> ${s.exclusiveMinimum}`);
  if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`);
  if (s.exclusiveMaximum !== undefined) parts.push(`< ${s.exclusiveMaximum}`);
  if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}`);
  if (s.type === 'array') {
    if (s.minItems !== undefined || s.maxItems !== undefined)
      parts.push(`${s.minItems ?? 0} to ${s.maxItems ?? '∞'} items`);
    const inner = legalRange(s.items);
    if (inner) parts.push(`each ${inner}`);
  }
  return parts.join(', ');
}

export function dottedPath(path: ConfigPath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
}

/** The hover / completion documentation of a key. */
export function keyMarkdown(def: PaperDefinition | undefined, path: ConfigPath, s: any): string {
  const lines: string[] = [];
  const type = typeLabel(s);
  lines.push(`**\`${dottedPath(path)}\`**${type ? ` — ${type}` : ''}`);
  if (s?.description) lines.push('', s.description);
  const facts: string[] = [];
  const range = legalRange(s);
  if (range) facts.push(`Legal: ${range}`);
  if (s && 'default' in s && !(s.type === 'object')) facts.push(`Default: \`${yamlInline(s.default)}\``);
  if (facts.length) lines.push('', facts.join(' · '));
  const setting = def ? settingFor(def, path) : undefined;
  if (setting) {
    lines.push(
      '',
      `**The paper:** \`${yamlInline(setting.value)}\` — ${setting.source}${setting.why ? `. ${setting.why}` : ''}`,
    );
  }
  return lines.join('\n');
}
