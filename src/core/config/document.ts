/**
 * One document model for YAML and JSON configs: the JS value the schema and rules see, plus a small
 * syntax tree of offsets that answers "where is `train.lr`?" (findings, fixes) and "what is under the
 * cursor?" (hover, completion). The parsers are well-kept ones that keep positions: for YAML,
 * js-yaml's event parser on valid files and `yaml` (eemeli) on the rest (`parseYaml.ts`); for JSON,
 * `jsonc-parser` (VS Code's own). Building a document never throws: whatever goes wrong becomes
 * a finding in `findings`.
 */
import type { Finding, Range } from './findings';
import type { ConfigPath } from '../paper/types';
import { LineIndex } from './text';
import { parseYaml } from './parseYaml';
import { parseJson } from './parseJson';

interface NodeBase {
  /** Offsets into the text, end exclusive. */
  start: number;
  end: number;
  /** `{…}` / `[…]` (YAML flow or JSON) rather than YAML block style. */
  flow: boolean;
}
export interface PropNode {
  key: string;
  keyStart: number;
  keyEnd: number;
  value?: DocNode;
}
export interface ObjectNode extends NodeBase {
  type: 'object';
  props: PropNode[];
}
export interface ArrayNode extends NodeBase {
  type: 'array';
  items: DocNode[];
}
export interface ScalarNode extends NodeBase {
  type: 'scalar';
  value: unknown;
}
export type DocNode = ObjectNode | ArrayNode | ScalarNode;

/** What a parser hands back; `root` is undefined for an empty or unreadable document. */
export interface ParsedSyntax {
  value: unknown;
  root?: DocNode;
  findings: Finding[];
}

export type DocKind = 'yaml' | 'json';

/** Past this a file is not an experiment config (a real one is a few KB); say so instead of parsing. */
export const MAX_CONFIG_CHARS = 2_000_000;

/** Flow nesting deeper than this is refused before parsing (it costs the parsers seconds). */
const MAX_NESTING = 200;

/** Maximum depth of `[`/`{` nesting, ignoring quoting: a cheap upper bound, one pass. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > max) max = depth;
      if (max > MAX_NESTING) return max;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return max;
}

export function kindOf(fileName: string): DocKind {
  return /\.json$/i.test(fileName) ? 'json' : 'yaml';
}

export interface Located {
  /** How many leading segments of the path exist in the document. */
  matched: number;
  /** The node at `path[0..matched)` and, if the last matched segment is a key, its property. */
  node?: DocNode;
  prop?: PropNode;
}

export interface PathAt {
  path: ConfigPath;
  /** The cursor is on a key (hover explains the key) rather than on a value. */
  onKey: boolean;
  node?: DocNode;
  prop?: PropNode;
}

export class ConfigDocument {
  readonly kind: DocKind;
  readonly lines: LineIndex;
  readonly value: unknown;
  readonly root?: DocNode;
  /** Problems found while reading the text (syntax, duplicate keys, size, aliases). */
  readonly findings: Finding[];

  constructor(
    readonly text: string,
    readonly fileName: string,
    kind?: DocKind,
  ) {
    this.kind = kind ?? kindOf(fileName);
    this.lines = new LineIndex(text);
    let parsed: ParsedSyntax;
    if (text.length > MAX_CONFIG_CHARS) {
      parsed = {
        value: undefined,
        findings: [
          {
            severity: 'error',
            code: 'parse/too-large',
            message: `This file is ${(text.length / 1e6).toFixed(1)} MB; an experiment config is a few KB, so Paperlab does not read it. Is this the right file?`,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          },
        ],
      };
    } else if (text.slice(0, 8192).includes('\u0000')) {
      parsed = {
        value: undefined,
        findings: [
          {
            severity: 'error',
            code: 'parse/binary',
            message: 'This file contains NUL bytes: it looks binary, not a YAML or JSON config.',
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          },
        ],
      };
    } else if (nestingDepth(text) > MAX_NESTING) {
      parsed = {
        value: undefined,
        findings: [
          {
            severity: 'error',
            code: 'parse/too-deep',
            message: `Brackets here nest more than ${MAX_NESTING} levels deep; an experiment config needs a few. Is this the right file?`,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          },
        ],
      };
    } else {
      try {
        parsed = this.kind === 'json' ? parseJson(text, this.lines) : parseYaml(text, this.lines);
      } catch (err) {
        // The parsers are robust, but a stack overflow on absurd nesting is still possible.
        parsed = {
          value: undefined,
          findings: [
            {
              severity: 'error',
              code: 'parse/unreadable',
              message: `Paperlab could not read this file (${err instanceof Error ? err.message : String(err)}). Check that it is valid ${this.kind === 'json' ? 'JSON' : 'YAML'}.`,
              range: this.lines.range(0, 0),
            },
          ],
        };
      }
    }
    this.value = parsed.value;
    this.root = parsed.root;
    this.findings = parsed.findings;
  }

  /** Walks the path as far as it exists. Duplicate keys resolve to the last one, as in the value. */
  locate(path: ConfigPath): Located {
    let node = this.root;
    let prop: PropNode | undefined;
    let matched = 0;
    for (const seg of path) {
      if (!node) break;
      let next: DocNode | undefined;
      let nextProp: PropNode | undefined;
      if (node.type === 'object' && typeof seg === 'string') {
        for (let i = node.props.length - 1; i >= 0; i--) {
          if (node.props[i].key === seg) {
            nextProp = node.props[i];
            break;
          }
        }
        if (!nextProp) break;
        next = nextProp.value;
      } else if (node.type === 'array' && typeof seg === 'number' && seg >= 0 && seg < node.items.length) {
        next = node.items[seg];
      } else break;
      matched++;
      prop = nextProp;
      node = next;
      if (!next) break;
    }
    return { matched, node, prop };
  }

  /**
   * The range to underline for a path. A missing path falls back to its deepest existing ancestor's
   * key (a missing `prune.rounds` underlines `prune`), then to the first line of the document.
   */
  rangeOf(path: ConfigPath, target: 'key' | 'value' = 'key'): Range {
    const loc = this.locate(path);
    const exact = loc.matched === path.length;
    if (loc.matched > 0) {
      if (loc.prop) {
        if (target === 'value' && exact && loc.prop.value)
          return this.lines.range(loc.prop.value.start, loc.prop.value.end);
        return this.lines.range(loc.prop.keyStart, loc.prop.keyEnd);
      }
      if (loc.node) return this.lines.range(loc.node.start, loc.node.end);
    }
    if (this.root && path.length === 0 && target === 'value') return this.lines.range(this.root.start, this.root.end);
    // The whole document is about it: the first line that has text.
    const first = this.lines.lineText(0);
    return { start: { line: 0, character: 0 }, end: { line: 0, character: Math.min(first.length, 200) } };
  }

  /** What lies under a position (0-based line/character, or an offset): the deepest key or value containing it. */
  pathAt(at: number | { line: number; character: number }): PathAt {
    const offset = typeof at === 'number' ? at : this.lines.offsetAt(at);
    const path: ConfigPath = [];
    let node = this.root;
    let result: PathAt = { path: [], onKey: false, node };
    // Iterative descent: depth is bounded by the document, never by recursion.
    while (node && offset >= node.start && offset <= node.end) {
      let stepped = false;
      if (node.type === 'object') {
        // Keys first: a block value's range runs up to the next key, so the two can touch.
        for (const p of node.props) {
          if (offset >= p.keyStart && offset <= p.keyEnd) {
            return { path: [...path, p.key], onKey: true, node: p.value, prop: p };
          }
        }
        for (const p of node.props) {
          if (p.value && offset >= p.value.start && offset <= p.value.end) {
            path.push(p.key);
            result = { path: [...path], onKey: false, node: p.value, prop: p };
            node = p.value;
            stepped = true;
            break;
          }
        }
      } else if (node.type === 'array') {
        for (let i = 0; i < node.items.length; i++) {
          const it = node.items[i];
          if (offset >= it.start && offset <= it.end) {
            path.push(i);
            result = { path: [...path], onKey: false, node: it };
            node = it;
            stepped = true;
            break;
          }
        }
      }
      if (!stepped) break;
    }
    return result;
  }

  positionToOffset(pos: { line: number; character: number }): number {
    return this.lines.offsetAt(pos);
  }
}

export function parseConfig(text: string, fileName: string): ConfigDocument {
  return new ConfigDocument(typeof text === 'string' ? text : String(text ?? ''), fileName);
}
