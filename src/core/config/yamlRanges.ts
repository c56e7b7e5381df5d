/**
 * Where a YAML node ends, by one rule shared by both YAML paths (`parseYaml.ts` with `yaml`,
 * `parseYamlFast.ts` with js-yaml), so the two build the same tree for the same text:
 * a scalar or flow collection ends at its last character; a block collection ends after the line of
 * its last entry (trailing spaces, a comment, the line break). The parsers' own ideas of where
 * trailing comments belong differ, and nothing here needs them.
 */
import type { DocNode, PropNode } from './document';

/** Past trailing spaces, a comment and one line break after `i`. */
export function lineEnd(text: string, i: number): number {
  let j = i;
  while (text[j] === ' ' || text[j] === '\t') j++;
  if (text[j] === '#' && j > i) while (j < text.length && text[j] !== '\n' && text[j] !== '\r') j++;
  if (text[j] === '\r') j++;
  if (text[j] === '\n') j++;
  return j;
}

/** Just after the `:` that follows a key ending at `keyEnd`, or -1. */
export function colonAfter(text: string, keyEnd: number): number {
  let j = keyEnd;
  while (text[j] === ' ' || text[j] === '\t') j++;
  return text[j] === ':' ? j + 1 : -1;
}

/** Where an entry of a block collection ends: its value's line, or the colon of a `key:` with no value. */
export function entryEnd(text: string, value: DocNode | undefined, prop?: PropNode): number {
  if (!value) {
    if (!prop) return 0;
    const c = colonAfter(text, prop.keyEnd);
    return c < 0 ? prop.keyEnd : c;
  }
  return value.type !== 'scalar' && !value.flow ? value.end : lineEnd(text, value.end);
}

/** The end of a block collection whose entries are known. */
export function blockEnd(text: string, node: DocNode): number {
  let end = node.start;
  if (node.type === 'object') for (const p of node.props) end = Math.max(end, entryEnd(text, p.value, p));
  else if (node.type === 'array') for (const it of node.items) end = Math.max(end, entryEnd(text, it));
  return end;
}
