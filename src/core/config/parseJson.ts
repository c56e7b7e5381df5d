/**
 * JSON → the document model, with `jsonc-parser` (VS Code's own JSON parser: error-tolerant, keeps
 * offsets). Comments and trailing commas are read (a researcher's intent is clear) but reported,
 * because other tools reading the same `.exp.json` will reject them.
 */
import { parseTree, createScanner, printParseErrorCode, type Node as JNode, type ParseError } from 'jsonc-parser';
import type { Finding } from './findings';
import type { DocNode, ParsedSyntax, PropNode } from './document';
import type { LineIndex } from './text';

// jsonc-parser's SyntaxKind is a `const enum`, which isolatedModules cannot import; its stable values:
const COMMA = 5;
const CLOSE_BRACE = 2;
const CLOSE_BRACKET = 4;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const LINE_BREAK = 14;
const TRIVIA = 15;
const EOF = 17;

const MAX_DEPTH = 64;

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'JSON syntax: unexpected character here',
  InvalidNumberFormat: 'JSON syntax: this is not a valid number',
  PropertyNameExpected: 'JSON syntax: a key in double quotes is expected here',
  ValueExpected: 'JSON syntax: a value is expected here',
  ColonExpected: 'JSON syntax: a colon is expected after the key',
  CommaExpected: 'JSON syntax: a comma is expected between entries',
  CloseBraceExpected: 'JSON syntax: a closing `}` is missing',
  CloseBracketExpected: 'JSON syntax: a closing `]` is missing',
  EndOfFileExpected: 'JSON syntax: text after the end of the top-level value',
  UnexpectedEndOfComment: 'JSON syntax: a comment is not closed',
  UnexpectedEndOfString: 'JSON syntax: a string is not closed (missing `"`)',
  UnexpectedEndOfNumber: 'JSON syntax: a number ends too early',
  InvalidUnicode: 'JSON syntax: invalid \\u escape',
  InvalidEscapeCharacter: 'JSON syntax: invalid escape character in a string',
  InvalidCharacter: 'JSON syntax: invalid character in a string',
};

export function parseJson(rawText: string, lines: LineIndex): ParsedSyntax {
  // A UTF-8 byte-order mark (Windows editors write one) is not JSON, but not the user's mistake either:
  // read it as a space, so every offset still points at the same character.
  const text = rawText.charCodeAt(0) === 0xfeff ? ' ' + rawText.slice(1) : rawText;
  const findings: Finding[] = [];
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  for (const e of errors.slice(0, 200)) {
    const name = printParseErrorCode(e.error);
    findings.push({
      severity: 'error',
      code: 'parse/syntax',
      message: `${MESSAGES[name] ?? `JSON syntax: ${name}`}.`,
      range: lines.range(e.offset, e.offset + Math.max(e.length, 1)),
    });
  }
  reportLenientSyntax(text, lines, findings);
  const dupes: Finding[] = [];
  const root = tree ? convert(tree, 0, lines, dupes) : undefined;
  for (const d of dupes) findings.push(d); // a 2 MB file can hold more duplicates than a spread takes
  return { value: root ? toValue(root) : undefined, root, findings };
}

/** Comments and trailing commas: accepted, but said, since JSON itself forbids them. */
function reportLenientSyntax(text: string, lines: LineIndex, findings: Finding[]): void {
  const scanner = createScanner(text, false);
  let pendingComma = -1;
  let reported = 0;
  for (let kind = scanner.scan(); kind !== EOF && reported < 50; kind = scanner.scan()) {
    const off = scanner.getTokenOffset();
    if (kind === LINE_COMMENT || kind === BLOCK_COMMENT) {
      reported++;
      findings.push({
        severity: 'warning',
        code: 'parse/json-comment',
        message:
          'JSON does not allow comments: Paperlab reads past it, but other tools reading this file will fail. Use a `.exp.yaml` config to keep comments.',
        range: lines.range(off, off + scanner.getTokenLength()),
      });
      continue;
    }
    if (kind === LINE_BREAK || kind === TRIVIA) continue;
    if ((kind === CLOSE_BRACE || kind === CLOSE_BRACKET) && pendingComma >= 0) {
      reported++;
      findings.push({
        severity: 'warning',
        code: 'parse/trailing-comma',
        message: 'JSON does not allow a comma before a closing bracket: remove it.',
        range: lines.range(pendingComma, pendingComma + 1),
        fixes: [
          {
            title: 'Remove the trailing comma',
            edits: [{ range: lines.range(pendingComma, pendingComma + 1), newText: '' }],
            preferred: true,
          },
        ],
      });
    }
    pendingComma = kind === COMMA ? off : -1;
  }
}

function convert(n: JNode, depth: number, lines: LineIndex, dupes: Finding[]): DocNode {
  const start = n.offset;
  const end = n.offset + n.length;
  if (depth > MAX_DEPTH) return { type: 'scalar', start, end, flow: true, value: undefined };
  if (n.type === 'object') {
    const props: PropNode[] = [];
    const seen = new Set<string>();
    for (const p of n.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k) continue;
      const key = String(k.value ?? '');
      if (seen.has(key)) {
        dupes.push({
          severity: 'error',
          code: 'parse/duplicate-key',
          message: `\`${key}\` appears twice in the same object; only the last one is used. Remove one of them.`,
          range: lines.range(k.offset, k.offset + k.length),
        });
      }
      seen.add(key);
      props.push({
        key,
        keyStart: k.offset,
        keyEnd: k.offset + k.length,
        value: v ? convert(v, depth + 1, lines, dupes) : undefined,
      });
    }
    return { type: 'object', start, end, flow: true, props };
  }
  if (n.type === 'array') {
    return {
      type: 'array',
      start,
      end,
      flow: true,
      items: (n.children ?? []).map((c) => convert(c, depth + 1, lines, dupes)),
    };
  }
  return { type: 'scalar', start, end, flow: true, value: n.value };
}

/** The JS value, last duplicate winning as in JSON.parse. */
function toValue(n: DocNode): unknown {
  if (n.type === 'scalar') return n.value;
  if (n.type === 'array') return n.items.map(toValue);
  const out: Record<string, unknown> = {};
  for (const p of n.props) {
    if (p.key === '__proto__') continue; // never let a config touch the prototype chain
    out[p.key] = p.value ? toValue(p.value) : undefined;
  }
  return out;
}
