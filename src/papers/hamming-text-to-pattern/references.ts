/**
 * The paper's running times, read in its abstract (arXiv 2310.13174, with the square roots that our
 * abstracts file lost): exponents of m at fixed n. Not drawn as points: the figure's fitted slopes are
 * compared with them in the repro table.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT = 'Chan, Jin, Vassilevska Williams & Xu, SODA 2024, abstract (arXiv 2310.13174)';

export const references: ReferenceNumber[] = [
  {
    id: 'hamming-abrahamson-exponent',
    label: 'Abrahamson: O(n√(m log m)) — exponent of m ≈ 0.5 (plus a log factor)',
    y: 0.5,
    series: { arm: 'abrahamson' },
    source: `${ABSTRACT}: "beating the decades-old O(n√(m log m)) running time [Abrahamson, SICOMP 1987]"`,
    confirmed: true,
  },
  {
    id: 'hamming-paper-exponent',
    label: 'this paper: O(n√m) Las Vegas — exponent of m = 0.5, one log factor less (not implemented here)',
    y: 0.5,
    source: `${ABSTRACT}: "an O(n√m) time Las Vegas randomized algorithm"`,
    confirmed: true,
    note: 'The paper’s algorithm (hashing, bit-packed FFT, recursion) is not implemented; only the baselines are timed.',
  },
  {
    id: 'hamming-naive-exponent',
    label: 'naive scan: O(nm) — exponent 1',
    y: 1,
    series: { arm: 'naive' },
    source: 'textbook bound (every shift compares m positions)',
    confirmed: true,
  },
];
