/** Running time and operation count against the pattern length m, with fitted exponents. */
import type { FigureSpec } from '../../core/figures/spec';

const m = { source: { kind: 'tag' as const, tag: 'm' }, label: 'pattern length m', scale: 'log' as const };

export const figures: FigureSpec[] = [
  {
    id: 'hamming-time',
    title: 'CPU time vs pattern length (fixed text length)',
    paperFigure: 'the abstract’s bounds: O(nm), O(n√(m log m)), O(n√m)',
    caption:
      'Median CPU time of each exact algorithm over repeats, with a power law fitted per algorithm (dashed, slope = exponent of m). Abrahamson’s heavy/light split should rise like √m (the paper: exponent 0.5, one log factor better); the naive scan like m; one FFT per character like the number of distinct characters.',
    kind: 'summary',
    x: m,
    y: [{ source: { kind: 'value', key: 'cpu_ms' }, label: 'CPU time (ms, median)', scale: 'log' }],
    lineBy: ['arm'],
    filter: { kind: 'time' },
    fit: { model: 'power-law', label: 'exponent of m' },
  },
  {
    id: 'hamming-ops',
    title: 'Operation count vs pattern length',
    caption:
      'Comparisons, match increments and FFT butterflies (size · log₂ size per FFT) counted by each algorithm: the same comparison without the machine’s load in it.',
    kind: 'summary',
    x: m,
    y: [{ source: { kind: 'value', key: 'ops' }, label: 'operations', scale: 'log' }],
    lineBy: ['arm'],
    filter: { kind: 'time' },
    fit: { model: 'power-law', label: 'exponent of m' },
  },
];
