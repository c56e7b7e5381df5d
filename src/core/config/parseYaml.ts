/**
 * YAML → the document model, with `yaml` (eemeli/yaml): it keeps every node's source range, reports
 * duplicate keys, and guards alias expansion (`maxAliasCount`) against "billion laughs" files.
 */
import { parseDocument, isMap, isSeq, isScalar, isPair, isAlias, type Node as YNode } from 'yaml';
import type { Finding } from './findings';
import type { DocNode, ParsedSyntax, PropNode } from './document';
import type { LineIndex } from './text';
import { blockEnd } from './yamlRanges';
import { parseYamlFast } from './parseYamlFast';

/** An honest config has a few aliases at most; more is an expansion attack or a mistake. */
const MAX_ALIAS_COUNT = 100;
/** Deeper than this is not a config; the model stops there (the value is still read). */
const MAX_DEPTH = 64;

const FRIENDLY: Record<string, (msg: string) => string> = {
  DUPLICATE_KEY: () => 'This key appears twice in the same block; YAML keeps only the last one. Remove one of them.',
  MULTIPLE_DOCS: () =>
    'An experiment config is one YAML document: remove the `---` and what follows, or split it into two files.',
  MISSING_CHAR: (m) =>
    /quote/i.test(m)
      ? 'YAML syntax: a quoted string is not closed (a `"` or `\'` is missing).'
      : /map value/i.test(m)
        ? `YAML syntax: ${m}. A key needs a colon and a space after it, e.g. \`lr: 0.001\`.`
        : `YAML syntax: ${m}.`,
  BAD_INDENT: (m) => `YAML indentation: ${m}. Keys of the same block must line up.`,
  TAB_AS_INDENT: () => 'YAML does not allow tabs for indentation: use spaces.',
  TAG_RESOLVE_FAILED: (m) =>
    `A config holds numbers, strings, true/false, lists and mappings; the YAML tag here (${m.replace(/^Unresolved tag:\s*/i, '').replace(/^tag:yaml\.org,2002:/, '!!')}) is not one of them. Remove the tag and write the value plainly.`,
};

/**
 * js-yaml's event parser reads a plain, valid config 7–10× faster than `yaml`; everything else
 * (errors, anchors, tags, block scalars) goes to `yaml`, which recovers from errors and reports
 * several of them. Both build the same tree (test/unit/config/yamlPaths.test.ts).
 *
 * Why two and not one (issue 10 asked for one; measured Nov 30 with `npm run bench -- lint`):
 * - `yaml` alone: its lexer and CST parser take 19–24 ms on the 2,000-line config before anything is
 *   built (p95 of the parse 43 ms on an idle machine), so lint's p95 there would sit at the 50 ms
 *   target with no margin, 7–10× slower than now on every keystroke in a large valid file.
 * - js-yaml alone: it stops at the first error and gives no document. Cutting each example's lines
 *   every third character as if being typed, 1,124 of 5,669 states are broken; `yaml` keeps a model
 *   in all of them and lint keeps the config's other findings in 1,060 (squiggles, completion and
 *   hover would vanish there with js-yaml alone: yamlPaths.test.ts "broken mid-edit").
 * So js-yaml answers the common valid case fast and `yaml` answers the broken one well.
 */
export function parseYaml(text: string, lines: LineIndex): ParsedSyntax {
  return parseYamlFast(text) ?? parseWithYaml(text, lines);
}

export function parseWithYaml(text: string, lines: LineIndex): ParsedSyntax {
  const findings: Finding[] = [];
  // Duplicate keys are found while building the model (one pass with a Set), which is cheaper than
  // the library's own check on large files.
  // resolveKnownTags off: `!!binary`, `!!timestamp`, `!!set` would become a Uint8Array, a Date or a
  // Set — values no config key takes, and the rules would meet types they never expect.
  const doc = parseDocument(text, {
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    keepSourceTokens: false,
    resolveKnownTags: false,
  });
  const seen = new Set<string>();
  for (const [list, severity] of [
    [doc.errors, 'error'],
    [doc.warnings, 'warning'],
  ] as const) {
    for (const e of list) {
      const [s, t] = e.pos ?? [0, 0];
      const key = `${e.code}:${s}`;
      if (seen.has(key) || findings.length > 200) continue; // one broken line can cascade
      seen.add(key);
      const friendly = FRIENDLY[e.code];
      findings.push({
        severity,
        code:
          e.code === 'DUPLICATE_KEY'
            ? 'parse/duplicate-key'
            : e.code === 'TAG_RESOLVE_FAILED'
              ? 'parse/tag'
              : 'parse/syntax',
        message: friendly ? friendly(firstLine(e.message)) : `YAML syntax: ${firstLine(e.message)}.`,
        range: lines.range(s, Math.max(t, s)),
      });
    }
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const bomb = err instanceof ReferenceError && /alias/i.test(err.message);
    findings.push({
      severity: 'error',
      code: bomb ? 'parse/alias-bomb' : 'parse/unreadable',
      message: bomb
        ? `This file expands YAML aliases (*name) more than ${MAX_ALIAS_COUNT} times; Paperlab stops reading there to protect the editor. Write the values out instead of aliasing them.`
        : `Paperlab could not read this YAML (${err instanceof Error ? err.message : String(err)}).`,
      range: lines.range(0, 0),
    });
    value = undefined;
  }
  let root: DocNode | undefined;
  try {
    root = doc.contents
      ? convert(text, doc.contents, 0, (ks, ke) =>
          findings.push({
            severity: 'error',
            code: 'parse/duplicate-key',
            message: FRIENDLY.DUPLICATE_KEY(''),
            range: lines.range(ks, ke),
          }),
        )
      : undefined;
  } catch {
    root = undefined; // positions are a convenience; the value and findings above still stand
  }
  return { value, root, findings };
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/[.:]\s*$/, '');
}

function rangeOf(n: { range?: [number, number, number] | null }): [number, number] {
  const r = n.range;
  return r ? [r[0], r[1]] : [0, 0];
}

function convert(text: string, n: YNode, depth: number, dup: (keyStart: number, keyEnd: number) => void): DocNode {
  const [start, end] = rangeOf(n);
  if (depth > MAX_DEPTH) return { type: 'scalar', start, end, flow: true, value: undefined };
  if (isMap(n)) {
    const props: PropNode[] = [];
    const seen = new Set<string>();
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const k = pair.key as YNode | null;
      const [ks, ke] = k ? rangeOf(k) : [start, start];
      const key = k && isScalar(k) ? String(k.value ?? '') : k ? String(k) : '';
      if (seen.has(key)) dup(ks, ke);
      seen.add(key);
      let value: DocNode | undefined;
      const v = pair.value as YNode | null;
      // `key:` with nothing after it parses as a null scalar with an empty range: no value node.
      if (v && !(isScalar(v) && v.value === null && rangeOf(v)[0] === rangeOf(v)[1]))
        value = convert(text, v, depth + 1, dup);
      props.push({ key, keyStart: ks, keyEnd: ke, value });
    }
    const node: DocNode = { type: 'object', start, end, flow: !!n.flow, props };
    if (!node.flow) node.end = blockEnd(text, node);
    return node;
  }
  if (isSeq(n)) {
    const items: DocNode[] = [];
    for (const it of n.items) {
      if (it && typeof it === 'object' && 'range' in it) items.push(convert(text, it as YNode, depth + 1, dup));
    }
    const node: DocNode = { type: 'array', start, end, flow: !!n.flow, items };
    if (!node.flow) node.end = blockEnd(text, node);
    return node;
  }
  if (isScalar(n)) return { type: 'scalar', start, end, flow: false, value: n.value };
  if (isAlias(n)) return { type: 'scalar', start, end, flow: false, value: undefined };
  return { type: 'scalar', start, end, flow: false, value: undefined };
}
