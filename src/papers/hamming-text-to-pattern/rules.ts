/** What the benchmark implies across keys (the problem's definition; the power-law fit). */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { fmtInt } from '../common/rules';
import type { HammingConfig } from './schema';

type Rule = PaperRule<HammingConfig>;

export const patternWithinText: Rule = {
  code: 'hamming-text-to-pattern/pattern-within-text',
  title: 'The pattern must not be longer than the text',
  source: 'Chan et al., SODA 2024, §1: HD between P and T[i .. i+m−1] for every shift i, so m ≤ n',
  check({ text_length: n, pattern_lengths }) {
    const out: RuleFinding[] = [];
    pattern_lengths.forEach((m, i) => {
      if (m > n)
        out.push({
          path: ['pattern_lengths', i],
          target: 'value',
          severity: 'error',
          message: `m = ${fmtInt(m)} is longer than the text (n = ${fmtInt(n)}): there is no shift to compare. Use m ≤ n.`,
        });
    });
    return out;
  },
};

export const fitNeedsRange: Rule = {
  code: 'hamming-text-to-pattern/fit-needs-range',
  title: 'An exponent of m needs ≥ 3 pattern lengths spanning ≥ 4×',
  source: 'heuristic: the running-time exponent is a least-squares slope in log–log (src/core/stats fitPowerLaw)',
  check({ pattern_lengths: ms }) {
    const distinct = [...new Set(ms)];
    if (distinct.length >= 3 && Math.max(...distinct) >= 4 * Math.min(...distinct)) return [];
    return [
      {
        path: ['pattern_lengths'],
        target: 'value',
        severity: 'warning',
        message: `${distinct.length} distinct pattern length(s) spanning ${(Math.max(...distinct) / Math.min(...distinct)).toFixed(1)}×: too few to tell an exponent of 0.5 (Abrahamson, the paper) from 1 (the naive scan).`,
        fixes: [
          {
            title: 'Use 64 … 4096',
            edits: [{ kind: 'setValue', path: ['pattern_lengths'], value: [64, 128, 256, 512, 1024, 2048, 4096] }],
          },
        ],
      },
    ];
  },
};

export const naiveBudget: Rule = {
  code: 'hamming-text-to-pattern/naive-too-long',
  title: 'The O(nm) scan at these sizes takes minutes',
  source: 'heuristic: ~1e9 character comparisons per second of one core in JavaScript, × repeats',
  check({ text_length: n, pattern_lengths, algorithms, repeats }) {
    if (!algorithms.includes('naive')) return [];
    const comparisons = pattern_lengths.reduce((s, m) => s + Math.max(0, n - m + 1) * m, 0) * repeats;
    if (comparisons <= 3e11) return [];
    return [
      {
        path: ['text_length'],
        target: 'value',
        severity: 'warning',
        message: `The naive scan alone makes ${comparisons.toExponential(1)} comparisons (~${Math.round(comparisons / 1e9 / 60)} min): lower text_length or the largest m, or drop "naive" from algorithms.`,
      },
    ];
  },
};

export const abrahamsonThreshold: Rule = {
  code: 'hamming-text-to-pattern/threshold-balance',
  title: 'Abrahamson’s threshold balances the two halves at √(m log m)',
  source: 'Abrahamson, SICOMP 1987 (as cited by Chan et al.): O(n√(m log m)) needs τ = Θ(√(m log m))',
  check({ abrahamson_threshold: f }) {
    if (f >= 0.1 && f <= 10) return [];
    return [
      {
        path: ['abrahamson_threshold'],
        target: 'value',
        severity: 'info',
        message: `A threshold factor of ${f} tips the split: ${f < 0.1 ? 'nearly every character goes to FFT' : 'FFT is almost never used'}, so the measured exponent is not Abrahamson's.`,
        fixes: [{ title: 'Set it to 1', edits: [{ kind: 'setValue', path: ['abrahamson_threshold'], value: 1 }] }],
      },
    ];
  },
};

export const rules: Rule[] = [patternWithinText, fitNeedsRange, naiveBudget, abrahamsonThreshold];
