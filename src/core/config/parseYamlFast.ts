/**
 * The fast path for YAML configs, with js-yaml's event parser (v5: a flat event stream with source
 * offsets, about 20× faster than `yaml` here: 1–2 ms for a 2,000-line file instead of 25–40 ms).
 *
 * It takes only the plain, valid case — one document, no anchors, aliases, tags, block scalars or
 * complex keys — and builds exactly the tree `parseYaml.ts` builds from `yaml` for the same text
 * (a test holds the two equal over thousands of fuzzed configs). Anything else, and any error,
 * returns undefined so the caller uses `yaml`, whose error recovery gives several findings and a
 * partial model while the user is mid-edit.
 */
import {
  parseEvents,
  constructFromEvents,
  getScalarValue,
  defineScalarTag,
  NOT_RESOLVED,
  CORE_SCHEMA,
  EVENT_ID,
  SCALAR_STYLE,
  COLLECTION_STYLE,
  type Event,
  type ScalarEvent,
} from 'js-yaml';
import type { DocNode, ObjectNode, ArrayNode, ParsedSyntax } from './document';
import { blockEnd, colonAfter } from './yamlRanges';

/** Same limit as the `yaml` path: deeper than this is not a config. */
const MAX_DEPTH = 64;

/**
 * Numbers exactly as the YAML 1.2.2 core schema reads them (spec §10.3.2), which is what `yaml`
 * does: js-yaml's own core tags keep an overflowing `1e309` as a string and read `-0` as 0.
 */
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const intTag = defineScalarTag('tag:yaml.org,2002:int', {
  implicit: true,
  resolve: (s) =>
    !INT.test(s)
      ? NOT_RESOLVED
      : s[1] === 'o'
        ? parseInt(s.slice(2), 8)
        : s[1] === 'x'
          ? parseInt(s.slice(2), 16)
          : Number(s),
  identify: (v) => Number.isInteger(v),
});
const floatTag = defineScalarTag('tag:yaml.org,2002:float', {
  implicit: true,
  resolve: (s) => {
    if (!FLOAT.test(s)) return NOT_RESOLVED;
    const inf = /inf$/i.test(s);
    return inf ? (s[0] === '-' ? -Infinity : Infinity) : /nan$/i.test(s) ? NaN : Number(s);
  },
  identify: (v) => typeof v === 'number',
});
const SCHEMA = CORE_SCHEMA.withTags(intTag, floatTag);

interface OpenMap {
  node: ObjectNode;
  /** The key read, waiting for its value. */
  key?: { key: string; start: number; end: number };
}
interface OpenSeq {
  node: ArrayNode;
}
type Open = OpenMap | OpenSeq;

/** Thrown inside the builder when the text needs the full parser; never escapes this module. */
class NotPlain extends Error {}

export function parseYamlFast(text: string): ParsedSyntax | undefined {
  // A lone CR is a line break to js-yaml and text to `yaml`: leave it to `yaml`, as before.
  if (/\r(?!\n)/.test(text)) return undefined;
  try {
    const events = parseEvents(text, { maxDepth: MAX_DEPTH + 2 });
    const root = buildTree(text, events);
    // Duplicate keys make js-yaml throw here: `yaml` reports them, with both places.
    const [value] = constructFromEvents(events, { source: text, schema: SCHEMA, maxAliases: 0 });
    if (root) fillScalars(root, value);
    return { value: root ? value : null, root, findings: [] };
  } catch {
    return undefined;
  }
}

function buildTree(text: string, events: Event[]): DocNode | undefined {
  const stack: Open[] = [];
  let root: DocNode | undefined;
  let documents = 0;
  const attach = (node: DocNode) => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = node;
      return;
    }
    if ('key' in top || top.node.type === 'object') {
      const m = top as OpenMap;
      if (!m.key) throw new NotPlain('complex key');
      m.node.props.push({ key: m.key.key, keyStart: m.key.start, keyEnd: m.key.end, value: node });
      m.key = undefined;
    } else (top as OpenSeq).node.items.push(node);
  };
  for (const e of events) {
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1 || e.directives.length) throw new NotPlain('documents');
        break;
      case EVENT_ID.ALIAS:
        throw new NotPlain('alias');
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        if (e.anchorStart >= 0 || e.tagStart >= 0) throw new NotPlain('anchor or tag');
        const top = stack[stack.length - 1];
        if (top && top.node.type === 'object' && !(top as OpenMap).key) throw new NotPlain('complex key');
        if (stack.length >= MAX_DEPTH) throw new NotPlain('deep');
        const flow = e.style === COLLECTION_STYLE.FLOW;
        const node: DocNode =
          e.type === EVENT_ID.MAPPING
            ? { type: 'object', start: e.start, end: e.start, flow, props: [] }
            : { type: 'array', start: e.start, end: e.start, flow, items: [] };
        stack.push(node.type === 'object' ? { node } : { node });
        break;
      }
      case EVENT_ID.POP: {
        const open = stack.pop();
        if (!open) break; // the document's own POP
        const n = open.node;
        if ('key' in open && open.key) throw new NotPlain('key without value');
        n.end = n.flow ? closingBracket(text, n, n.type === 'object' ? '}' : ']') : blockEnd(text, n);
        attach(n);
        break;
      }
      case EVENT_ID.SCALAR: {
        if (e.anchorStart >= 0 || e.tagStart >= 0) throw new NotPlain('anchor or tag');
        if (e.style === SCALAR_STYLE.LITERAL_BLOCK || e.style === SCALAR_STYLE.FOLDED_BLOCK)
          throw new NotPlain('block scalar');
        const top = stack[stack.length - 1] as OpenMap | undefined;
        const [start, end] = scalarRange(text, e);
        if (top && top.node.type === 'object' && !top.key) {
          // A key. yaml's model reads `~:`/`null:` as an empty key; leave such oddities to it.
          if (
            e.valueStart < 0 ||
            (e.style === SCALAR_STYLE.PLAIN && /^(~|null|Null|NULL)$/.test(text.slice(start, end)))
          )
            throw new NotPlain('null key');
          // A plain key the core schema reads as a number or a boolean (`00`, `1e3`, `true`) is keyed by
          // its value's string in the config (`00:` is "0"), not by its text: leave those to yaml.
          if (e.style === SCALAR_STYLE.PLAIN && NON_STRING_KEY.test(text.slice(start, end)))
            throw new NotPlain('non-string key');
          if (colonAfter(text, end) < 0) throw new NotPlain('no colon after the key');
          top.key = { key: getScalarValue(text, e), start, end };
          break;
        }
        if (e.valueStart < 0) {
          // An empty value: no node, as in the yaml path; a block still ends after the colon.
          if (top && top.node.type === 'object' && top.key) {
            const k = top.key;
            top.node.props.push({ key: k.key, keyStart: k.start, keyEnd: k.end });
            top.key = undefined;
            break;
          }
          if (!top) break; // an empty document
          throw new NotPlain('empty item');
        }
        attach({ type: 'scalar', start, end, flow: false, value: undefined });
        break;
      }
    }
  }
  return root;
}

/** Plain scalars that may resolve to a number or a boolean: a digit, sign or dot first, or a boolean word. */
const NON_STRING_KEY = /^(?:[-+.\d]|(?:true|false|True|False|TRUE|FALSE)$)/;

/** yaml's scalar range includes the quotes; js-yaml's value range is inside them. */
function scalarRange(text: string, e: ScalarEvent): [number, number] {
  if (e.valueStart < 0) return [-1, -1];
  if (e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED)
    return [e.valueStart - 1, e.valueEnd + 1];
  return [e.valueStart, e.valueEnd];
}

/** After the last item, skip spaces, commas and comments to the bracket that closes the collection. */
function closingBracket(text: string, n: DocNode, bracket: string): number {
  let j =
    n.type === 'object'
      ? n.props.length
        ? lastPropEnd(n)
        : n.start + 1
      : n.type === 'array' && n.items.length
        ? n.items[n.items.length - 1].end
        : n.start + 1;
  for (; j < text.length; j++) {
    const c = text[j];
    if (c === bracket) return j + 1;
    if (c === '#') while (j < text.length && text[j] !== '\n') j++;
    else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== ',' && c !== ':')
      throw new NotPlain('unexpected text before the bracket');
  }
  throw new NotPlain('unclosed');
}

function lastPropEnd(n: ObjectNode): number {
  const p = n.props[n.props.length - 1];
  return p.value ? p.value.end : p.keyEnd;
}

/**
 * Scalar nodes take their values from the constructed value (resolved by js-yaml's core schema, the
 * same YAML 1.2 core schema `yaml` uses), walked alongside the tree; iterative, like the tree's users.
 */
function fillScalars(root: DocNode, value: unknown): void {
  const todo: [DocNode, unknown][] = [[root, value]];
  while (todo.length) {
    const [n, v] = todo.pop()!;
    if (n.type === 'scalar') n.value = v;
    else if (n.type === 'array') n.items.forEach((it, i) => todo.push([it, Array.isArray(v) ? v[i] : undefined]));
    else
      for (const p of n.props) {
        if (!p.value) continue;
        const own = v !== null && typeof v === 'object' ? Object.getOwnPropertyDescriptor(v, p.key) : undefined;
        todo.push([p.value, own?.value]);
      }
  }
}
