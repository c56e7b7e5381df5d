// Random mutations of config text for fuzz tests: deleted characters, truncations, swapped values,
// wrong types, junk characters, duplicated lines, broken indentation, renamed keys.
const WRONG = [
  '"text"',
  '-1',
  '0',
  '1e309',
  '-0.5',
  '1.5',
  '[]',
  '{}',
  'null',
  'true',
  '~',
  '*nope',
  '&a x',
  '"\\u0000"',
  "'",
  '{',
  '[',
  ']',
  '}',
  ':',
  '- x',
  '[1, [2, [3]]]',
  '{a: {b: {c: 1}}}',
  '99999999999999999999',
  'NaN',
  '.inf',
  '!!binary aGk=',
  '|',
  '>',
  '"é中🙂"',
  '#',
  '%YAML 1.2',
];
const JUNK = [
  '\t',
  '\u0000',
  '\r',
  '\r\n',
  '\n',
  ' ',
  '#',
  ':',
  '-',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  'é',
  '🙂',
  '\ufeff',
  'x',
  '0',
];
const KEYS = [
  'paper',
  'train',
  'lr',
  'prune',
  'rounds',
  'rate',
  'sparsity',
  'density',
  'controls',
  'hidden',
  'foo',
  '__proto__',
  'constructor',
  'rewind_to',
  'ghost_batch',
  'mask',
  'widths',
  '',
];

export function mutate(text: string, r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const at = () => Math.floor(r() * (text.length + 1));
  switch (Math.floor(r() * 8)) {
    case 0: {
      const i = at();
      return text.slice(0, i) + text.slice(i + 1 + Math.floor(r() * 5));
    }
    case 1:
      return text.slice(0, at());
    case 2: {
      // Swap two values: the text after two different colons.
      const spots = [...text.matchAll(/: ?([^\n,}\]]+)/g)];
      if (spots.length < 2) return text;
      const [a, b] = [pick(spots), pick(spots)].sort((x, y) => x.index - y.index);
      if (a.index === b.index) return text;
      const [ai, bi] = [a.index + a[0].indexOf(a[1]), b.index + b[0].indexOf(b[1])];
      return text.slice(0, ai) + b[1] + text.slice(ai + a[1].length, bi) + a[1] + text.slice(bi + b[1].length);
    }
    case 3: {
      const spots = [...text.matchAll(/: ?([^\n,}\]]+)/g)];
      if (!spots.length) return text;
      const s = pick(spots);
      const i = s.index + s[0].indexOf(s[1]);
      return text.slice(0, i) + pick(WRONG) + text.slice(i + s[1].length);
    }
    case 4: {
      const i = at();
      return text.slice(0, i) + pick(JUNK) + text.slice(i);
    }
    case 5: {
      const lines = text.split('\n');
      const i = Math.floor(r() * lines.length);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 6: {
      const lines = text.split('\n');
      const i = Math.floor(r() * lines.length);
      lines[i] = r() < 0.5 ? ' '.repeat(1 + Math.floor(r() * 4)) + lines[i] : (lines[i] ?? '').replace(/^\s+/, '');
      return lines.join('\n');
    }
    default: {
      const spots = [...text.matchAll(/([\w"]+)\s*:/g)];
      if (!spots.length) return text;
      const s = pick(spots);
      return text.slice(0, s.index) + pick(KEYS) + text.slice(s.index + s[1].length);
    }
  }
}
