/** Running time and operation count against the pattern length m, with fitted exponents. */
import type { FigureSpec } from '../../core/figures/spec';

const m = { source: { kind: 'tag' as const, tag: 'm' }, label: 'pattern length m', scale: 'log' as const };

const timeFigure = (alphabet: 'uniform' | 'zipf', title: string, extra: string): FigureSpec => ({
  id: `hamming-time-${alphabet}`,
  title,
  paperFigure: 'the abstract’s bounds: O(nm), O(n√(m log m)), O(n√m)',
  caption:
    'Median CPU time of each exact algorithm over repeats, with a power law fitted per algorithm (dashed, slope = exponent of m). The naive scan rises like m; one FFT per character like the number of distinct characters. ' +
    extra,
  kind: 'summary',
  x: m,
  y: [{ source: { kind: 'value', key: 'cpu_ms' }, label: 'CPU time (ms, median)', scale: 'log' }],
  lineBy: ['arm'],
  filter: { kind: 'time', alphabet },
  fit: { model: 'power-law', label: 'exponent of m' },
});

export const figures: FigureSpec[] = [
  timeFigure(
    'uniform',
    'CPU time vs pattern length, uniform over ⌈√m⌉ characters (the bound’s regime)',
    'Here every character is light and Abrahamson enumerates n·m/σ = n√m matches: its exponent should be the bound’s 0.5 (the paper’s own algorithm: also 0.5, one log factor less).',
  ),
  timeFigure(
    'zipf',
    'CPU time vs pattern length, Zipf characters (a typical case)',
    'A few frequent characters go to FFT and the rest are rare: Abrahamson runs below its worst-case bound.',
  ),
  {
    id: 'hamming-ops',
    title: 'Operation count vs pattern length (uniform characters)',
    caption:
      'Comparisons, match increments and FFT butterflies (size · log₂ size per FFT) counted by each algorithm: the same comparison without the machine’s load in it.',
    kind: 'summary',
    x: m,
    y: [{ source: { kind: 'value', key: 'ops' }, label: 'operations', scale: 'log' }],
    lineBy: ['arm'],
    filter: { kind: 'time', alphabet: 'uniform' },
    fit: { model: 'power-law', label: 'exponent of m' },
  },
];
