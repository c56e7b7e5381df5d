/** What the benchmark implies across keys (the problem's definition, the Lewis iteration, the law's fit). */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { fmtInt } from '../common/rules';
import type { SsConfig } from './schema';

type Rule = PaperRule<SsConfig>;

const ABSTRACT = 'Woodruff & Yasuda, ICML 2023, abstract';

export const dimsBelowRows: Rule = {
  code: 'sensitivity-sampling/dims-below-rows',
  title: 'Sampling rows only reduces a tall matrix: d well below n',
  source: `${ABSTRACT} (rows reduced to ~S^{2/p} ≤ d^{2/p}); the search is capped at max_draws × n draws (heuristic: n ≥ 20·d)`,
  check({ matrix }) {
    const out: RuleFinding[] = [];
    matrix.dims.forEach((d, i) => {
      if (d >= matrix.rows)
        out.push({
          path: ['matrix', 'dims', i],
          target: 'value',
          severity: 'error',
          message: `d = ${fmtInt(d)} is not below n = ${fmtInt(matrix.rows)} rows: the column space is all of ℝⁿ and no sample of rows can embed it. Use d < n.`,
        });
      else if (matrix.rows < 20 * d)
        out.push({
          path: ['matrix', 'dims', i],
          target: 'value',
          severity: 'warning',
          message: `n = ${fmtInt(matrix.rows)} is less than 20 × d = ${fmtInt(20 * d)}: rows needed grow past n at ε = 0.2 on some structures, and a matrix needing more draws than max_draws × n is only a lower bound, left out of the fit. Raise matrix.rows or lower d.`,
          fixes: [
            {
              title: `rows: ${fmtInt(20 * d)}`,
              edits: [{ kind: 'setValue', path: ['matrix', 'rows'], value: 20 * d }],
            },
          ],
        });
    });
    return out;
  },
};

export const blockWidthDivides: Rule = {
  code: 'sensitivity-sampling/block-width',
  title: 'Block-diagonal matrices need d to be a multiple of the block width',
  source: 'our block structure (S = d exactly at width 1: each row’s sensitivity is |a_i| / its block’s ℓp norm)',
  check({ matrix }) {
    if (!matrix.structures.includes('block')) return [];
    const w = matrix.block_width;
    const bad = matrix.dims.filter((d) => d % w !== 0);
    if (!bad.length) return [];
    return [
      {
        path: ['matrix', 'block_width'],
        target: 'value',
        severity: 'warning',
        message: `d = ${bad.join(', ')} ${bad.length > 1 ? 'are' : 'is'} not a multiple of block_width ${w}: the last block is narrower, so S is not (d / ${w}) blocks of equal width. Use a width dividing every d (1 always does).`,
        fixes: [{ title: 'block_width: 1', edits: [{ kind: 'setValue', path: ['matrix', 'block_width'], value: 1 }] }],
      },
    ];
  },
};

export const lawNeedsVariedS: Rule = {
  code: 'sensitivity-sampling/law-needs-varied-s',
  title: 'Telling S^{2/p} from S·d needs S to vary at fixed d',
  source: `${ABSTRACT}: "a bound of roughly S^{2/p} for 1 ≤ p < 2" against "the general bound of S·d"; with one structure S follows d and the two laws are collinear`,
  check({ matrix }) {
    const dims = new Set(matrix.dims).size;
    if (matrix.structures.length >= 2 && dims >= 3) return [];
    return [
      {
        path: matrix.structures.length < 2 ? ['matrix', 'structures'] : ['matrix', 'dims'],
        target: 'value',
        severity: 'warning',
        message:
          matrix.structures.length < 2
            ? `One structure (${matrix.structures[0]}): S is a function of d, so a fit cannot say whether rows follow S^{2/p} or S·d. Add a structure whose S grows differently (gaussian: S ≈ √d; heavy_rows, block: S ∝ d).`
            : `${dims} distinct d: too few for a slope of d beside the slope of S. Use at least three widths, e.g. 5, 10, 20, 40.`,
        fixes: [
          {
            title: 'All three structures, d = 5 … 40',
            edits: [
              { kind: 'setValue', path: ['matrix', 'structures'], value: ['gaussian', 'heavy_rows', 'block'] },
              { kind: 'setValue', path: ['matrix', 'dims'], value: [5, 10, 20, 40] },
            ],
          },
        ],
      },
    ];
  },
};

export const lewisConverged: Rule = {
  code: 'sensitivity-sampling/lewis-iterations',
  title: 'Enough Lewis iterations for the weights to converge',
  source:
    'Cohen & Peng, "ℓp Row Sampling by Lewis Weights", STOC 2015: the fixed-point map contracts by |1 − p/2| for p < 4',
  check({ p, lewis }) {
    const rate = Math.abs(1 - p / 2);
    // rate = 0 (p = 2): one iteration is exact. Otherwise iterations for a factor-1e-3 residual change.
    const need = rate === 0 ? 1 : Math.ceil(Math.log(1e-3) / Math.log(rate));
    if (lewis.iterations >= need) return [];
    return [
      {
        path: ['lewis', 'iterations'],
        target: 'value',
        severity: 'warning',
        message: `${lewis.iterations} iteration(s) at p = ${p} (contraction ${rate.toFixed(2)} each) leave the weights up to ${(rate ** lewis.iterations * 100).toFixed(1)}% of their first change from the fixed point; ${need} bring it to 0.1%.`,
        fixes: [
          { title: `iterations: ${need}`, edits: [{ kind: 'setValue', path: ['lewis', 'iterations'], value: need }] },
        ],
      },
    ];
  },
};

export const lawByP: Rule = {
  code: 'sensitivity-sampling/law-by-p',
  title: 'The law and the root-leverage bound depend on p',
  source: `${ABSTRACT}: S^{2/p} and root leverage ≈ d for 1 ≤ p < 2; S^{2−2/p} (and d^{2/p}·S^{2−4/p} with leverage) for 2 < p < ∞`,
  check({ p, sampling }) {
    if (p < 2) return [];
    const msg =
      p === 2
        ? 'At p = 2 the sensitivities are the leverage scores (S = d): the ℓ2 case the paper says was already understood, not its subject.'
        : `At p = ${p} > 2 the paper's bound is S^{2−2/p} = S^${(2 - 2 / p).toFixed(2)}; root-leverage sampling's ≈ d bound is for p < 2 only${sampling.methods.includes('root_leverage') ? ' (here it samples ∝ leverage^{p/2})' : ''}.`;
    return [{ path: ['p'], target: 'value', severity: 'info', message: msg }];
  },
};

export const rules: Rule[] = [dimsBelowRows, blockWidthDivides, lawNeedsVariedS, lewisConverged, lawByP];
