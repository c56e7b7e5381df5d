/**
 * The paper's bounds, read in its abstract (ICML 2023, PMLR 202:37238–37272; arXiv 2306.00732): exponents
 * of S and d, set beside our fitted slopes in the repro table (not drawn as points: the bounds are
 * "roughly", up to ε and log factors). The arXiv v2 title note says the p ∈ [1, 2) sensitivity bound is
 * subsumed by Chen & Derezinski's earlier Õ(ε⁻² d^{1−p/2} S) — read there, and recorded as such.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT = 'Woodruff & Yasuda, ICML 2023, abstract (PMLR 202:37238–37272; arXiv 2306.00732)';

export const references: ReferenceNumber[] = [
  {
    id: 'ss-law-exponent',
    label: 'sensitivity sampling, 1 ≤ p < 2: roughly S^{2/p} rows — exponent 1 in S^{2/p}',
    y: 1,
    series: { arm: 'sensitivity' },
    source: `${ABSTRACT}: "achieving a bound of roughly S^{2/p} for 1 ≤ p < 2 … this bound is tight"`,
    confirmed: true,
    note: 'A worst-case upper bound (tight for some matrices), not a prediction for every matrix: typical matrices may need fewer rows.',
  },
  {
    id: 'ss-general-bound',
    label: 'the general bound: S·d rows — at p = 1, an extra exponent of d beside S^{2/p} when S < d',
    series: { arm: 'sensitivity' },
    source: `${ABSTRACT}: "reducing the number of examples to the product of the VC dimension d and the total sensitivity S"`,
    confirmed: true,
  },
  {
    id: 'ss-root-leverage',
    label: 'root-leverage sampling, 1 ≤ p < 2: roughly d rows — exponent 1 in d',
    y: 1,
    series: { arm: 'root_leverage' },
    source: `${ABSTRACT}: "the root leverage score sampling algorithm achieves a bound of roughly d for 1 ≤ p < 2"`,
    confirmed: true,
  },
  {
    id: 'ss-chen-derezinski',
    label: 'Chen & Derezinski (2021), as the arXiv v2 note states: Õ(ε⁻² d^{1−p/2} S) — at p = 1, √d·S',
    series: { arm: 'sensitivity' },
    source:
      'Woodruff & Yasuda, arXiv 2306.00732v2, title footnote (the p ∈ [1, 2) results "are subsumed by an earlier sharper result of Chen–Derezinski")',
    confirmed: true,
    note: 'Not the ICML paper’s own claim; recorded because the authors point to it.',
  },
];
