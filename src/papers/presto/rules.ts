/**
 * What the PRESTO simulation implies across keys (the authors' Simulations/model_functions.R and
 * sim_data, read in gregfaletto/presto).
 */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { fmtInt } from '../common/rules';
import type { PrestoConfig } from './schema';

type Rule = PaperRule<PrestoConfig>;

const CODE = 'gregfaletto/presto, Simulations/model_functions.R';
const round = (v: number) => Number(v.toPrecision(3));

export const interceptCount: Rule = {
  code: 'presto/intercepts-per-class',
  title: 'Each intercept list needs one value per boundary (K − 1)',
  source: `${CODE}, relax_prop_odds_model_rand: stopifnot(length(intercepts) >= K - 1), longer lists cut to K − 1`,
  check({ data: { intercepts, classes } }) {
    const need = classes - 1;
    const out: RuleFinding[] = [];
    intercepts.forEach((list, i) => {
      if (list.length < need)
        out.push({
          path: ['data', 'intercepts', i],
          target: 'value',
          severity: 'error',
          message: `${list.length} intercepts for ${classes} classes: the model needs ${need} (one per boundary between adjacent classes). Add ${need - list.length}, or lower data.classes to ${list.length + 1}.`,
          fixes: [
            {
              title: `Set data.classes to ${list.length + 1}`,
              edits: [{ kind: 'setValue', path: ['data', 'classes'], value: list.length + 1 }],
            },
          ],
        });
      else if (list.length > need)
        out.push({
          path: ['data', 'intercepts', i],
          target: 'value',
          severity: 'info',
          message: `${list.length} intercepts for ${classes} classes: only the first ${need} are used, as in the authors' code.`,
        });
    });
    return out;
  },
};

export const interceptsIncreasing: Rule = {
  code: 'presto/intercepts-increasing',
  title: 'Intercepts must increase: P(y ≤ k) grows with k',
  source: `${CODE}: stopifnot(all(intercepts == sort(intercepts, decreasing=FALSE)))`,
  check({ data: { intercepts } }) {
    const out: RuleFinding[] = [];
    intercepts.forEach((list, i) => {
      const bad = list.findIndex((v, k) => k > 0 && !(v > list[k - 1]));
      if (bad < 0) return;
      const sorted = [...list].sort((a, b) => a - b);
      out.push({
        path: ['data', 'intercepts', i],
        target: 'value',
        severity: 'error',
        message: `α_${bad + 1} = ${list[bad]} is not above α_${bad} = ${list[bad - 1]}: the cumulative probabilities σ(α_k + xᵀβ_k) must increase with k, so the intercepts must strictly increase.`,
        fixes:
          new Set(sorted).size === sorted.length
            ? [
                {
                  title: `Sort them: [${sorted.join(', ')}]`,
                  edits: [{ kind: 'setValue', path: ['data', 'intercepts', i], value: sorted }],
                },
              ]
            : [],
      });
    });
    return out;
  },
};

/**
 * Rare-class observations at x = 0: n·σ(−α). A lower bound on the expected count when α is large
 * (σ(−t) is convex for t > 0 and xᵀβ has mean 0; the measured counts are ~2× it at the paper's settings).
 */
export function expectedRare(n: number, lastIntercept: number): number {
  return n / (1 + Math.exp(lastIntercept));
}

export const enoughRareEvents: Rule = {
  code: 'presto/too-few-rare-events',
  title: 'The rare class needs a handful of observations per data set',
  source:
    'heuristic (5 events); sim_data in the authors’ code redraws any data set missing a class, and logistic regression on the rare class needs events to fit',
  check({ data: { n, intercepts } }) {
    const out: RuleFinding[] = [];
    intercepts.forEach((list, i) => {
      if (!list.length) return;
      const last = list[list.length - 1];
      const expected = expectedRare(n, last);
      if (expected >= 5) return;
      out.push({
        path: ['data', 'intercepts', i],
        target: 'value',
        severity: 'warning',
        message: `Only about ${round(2 * expected)} rare-class observations expected per data set (about twice n·σ(−α) = ${round(expected)}, the ratio measured at the paper's settings) (n = ${fmtInt(n)}, last intercept ${last}): data sets without one are redrawn, and the logistic baseline has almost nothing to fit. The paper's rarest setting (α = 6, n = 2500) has n·σ(−α) ≈ ${round(expectedRare(2500, 6))} and about 14 measured.`,
      });
    });
    return out;
  },
};

export const boundariesCross: Rule = {
  code: 'presto/boundaries-cross',
  title: 'Intercept gaps must exceed the weight differences, or boundaries cross',
  source: `${CODE}, sim_relaxed_prop_odds_rand: a draw with a negative class probability is redrawn, and after 100 failures the code stops ("At least one probability was negative")`,
  check({ data: { intercepts, p, dev_size, dev_prob, classes } }) {
    // |xᵀ(β_{k+1} − β_k)| ≤ ‖d_{k+1}‖₁, whose mean is p · dev_prob · dev_size for x in [−1, 1]^p.
    const typical = p * dev_prob * dev_size;
    const out: RuleFinding[] = [];
    intercepts.forEach((list, i) => {
      const used = list.slice(0, Math.max(0, classes - 1));
      let gap = Infinity;
      for (let k = 1; k < used.length; k++) gap = Math.min(gap, used[k] - used[k - 1]);
      if (!(gap > 0) || gap === Infinity || gap > typical) return;
      out.push({
        path: ['data', 'intercepts', i],
        target: 'value',
        severity: 'warning',
        message: `The smallest intercept gap (${round(gap)}) is below the typical size of a boundary's weight differences (p · dev_prob · dev_size = ${round(typical)}): adjacent boundaries cross for many x, class probabilities go negative, and most draws are rejected. Widen the gaps or lower data.dev_size.`,
      });
    });
    return out;
  },
};

export const rules: Rule[] = [interceptCount, interceptsIncreasing, enoughRareEvents, boundariesCross];
