/**
 * The scaled noncentral χ² distribution, fitted to the test errors of sampled hypotheses: the model
 * of Boopathy et al. (IJCAI 2024) for "how rare is a hypothesis this good". Their code
 * (FieteLab/Exact-Inductive-Bias, utils.py) fits `scipy.stats.ncx2` by maximum likelihood with the
 * location fixed at 0 and reports the inductive bias −log P(error ≤ target) in nats; where the log-CDF
 * underflows it falls back to a Wilson–Hilferty normal approximation, reproduced here as written.
 *
 * The density and CDF are the Poisson mixture Σ_j Pois(j; λ/2) · χ²_{k+2j}, summed in log space
 * around the mixture's mode, so fits with hundreds of degrees of freedom (errors averaged over many
 * test points) stay finite.
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import gammainc from '@stdlib/math-base-special-gammainc';
import { nelderMead } from './optimize';

export interface Ncx2 {
  /** Degrees of freedom k > 0. */
  df: number;
  /** Noncentrality λ ≥ 0. */
  nc: number;
  /** Scale s > 0 (the variable is s · χ'²). */
  scale: number;
}

const LN2 = Math.LN2;

function logsumexp(terms: number[]): number {
  let m = -Infinity;
  for (const t of terms) if (t > m) m = t;
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (const t of terms) s += Math.exp(t - m);
  return m + Math.log(s);
}

const logPoisson = (j: number, mu: number) =>
  mu > 0 ? -mu + j * Math.log(mu) - gammaln(j + 1) : j === 0 ? 0 : -Infinity;

/**
 * Sums `term(j)` (in logs) over the Poisson index j, from the Poisson mode outwards in both directions
 * until the terms are 40 nats below the largest seen: every dropped term is < e^-40 of the sum.
 */
function mixtureLogSum(mu: number, term: (j: number) => number): number {
  const j0 = Math.floor(mu);
  const terms: number[] = [];
  let best = -Infinity;
  const cap = 200_000;
  // Upwards from the mode, then downwards; stop once terms fall 40 nats below the largest and keep falling.
  for (const dir of [1, -1]) {
    let prev = Infinity;
    for (let j = dir === 1 ? j0 : j0 - 1; j >= 0 && Math.abs(j - j0) < cap; j += dir) {
      const t = term(j);
      terms.push(t);
      if (t > best) best = t;
      if (Math.abs(j - j0) > 5 && t < best - 40 && t <= prev) break;
      prev = t;
    }
  }
  return logsumexp(terms);
}

export function ncx2LogPdf(x: number, d: Ncx2): number {
  return ncx2LogLikelihood([x], d);
}

/**
 * Σ log f(x_i) over the samples. The mixture's j-dependent constants (log Poisson weight, log Γ) are
 * the same for every sample, so they are computed once per j and shared: a fit evaluates this
 * thousands of times.
 */
export function ncx2LogLikelihood(xs: readonly number[], d: Ncx2): number {
  if (!(d.df > 0) || !(d.nc >= 0) || !(d.scale > 0)) return -Infinity;
  const mu = d.nc / 2;
  const half = d.df / 2;
  const cache = new Map<number, number>();
  const constant = (j: number) => {
    let c = cache.get(j);
    if (c === undefined) {
      c = logPoisson(j, mu) - (half + j) * LN2 - gammaln(half + j);
      cache.set(j, c);
    }
    return c;
  };
  let total = 0;
  for (const x of xs) {
    if (!(x > 0)) return -Infinity;
    const u = x / d.scale;
    const lu = Math.log(u);
    const term = (j: number) => constant(j) + (half + j - 1) * lu - u / 2;
    total += (mu === 0 ? term(0) : mixtureLogSum(mu, term)) - Math.log(d.scale);
  }
  return total;
}

/** log P(X ≤ x); −∞ where the double-precision incomplete gamma underflows (as scipy's does). */
export function ncx2LogCdf(x: number, d: Ncx2): number {
  if (!(x > 0)) return -Infinity;
  const u = x / d.scale;
  const mu = d.nc / 2;
  const logP = (a: number) => {
    const p = gammainc(u / 2, a);
    return p > 0 ? Math.log(p) : -Infinity;
  };
  if (mu === 0) return logP(d.df / 2);
  return mixtureLogSum(mu, (j) => logPoisson(j, mu) + logP(d.df / 2 + j));
}

/**
 * The official code's fallback (utils.py `inductive_bias_alt`): a Wilson–Hilferty-type normal
 * approximation of the noncentral χ², returning z²/2 ≈ −log P(X ≤ x) deep in the left tail.
 */
export function wilsonHilfertyBias(x: number, d: Ncx2): number {
  const u = x / d.scale;
  const k = d.df;
  const l = d.nc;
  const h = 1 - ((2 / 3) * (k + l) * (k + 3 * l)) / (k + 2 * l) ** 2;
  const p = (k + 2 * l) / (k + l) ** 2;
  const m = (h - 1) * (1 - 3 * h);
  const z =
    ((u / (k + l)) ** h - (1 + h * p * (h - 1 - 0.5 * (2 - h) * m * p))) / (h * Math.sqrt(2 * p) * (1 + 0.5 * m * p));
  return (z * z) / 2;
}

export interface InductiveBias {
  /** −log P(error ≤ target), nats. */
  nats: number;
  bits: number;
  /** True when the log-CDF underflowed and the Wilson–Hilferty approximation was used (as the code does). */
  approximated: boolean;
}

/** −log P(error ≤ target) under the fitted distribution (utils.py `inductive_bias`). */
export function inductiveBias(target: number, d: Ncx2): InductiveBias {
  const lc = ncx2LogCdf(target, d);
  const approximated = !Number.isFinite(lc);
  const nats = approximated ? wilsonHilfertyBias(target, d) : -lc;
  return { nats, bits: nats / LN2, approximated };
}

export interface Ncx2Fit extends Ncx2 {
  logLikelihood: number;
  converged: boolean;
}

/**
 * Maximum-likelihood fit with the location fixed at 0 (`ncx2.fit(errors, floc=0)`), by Nelder–Mead on
 * (log k, log λ, log s). Started from the central χ² that matches the sample's mean and variance, with
 * a small noncentrality, so the simplex starts where the likelihood is finite.
 */
export function fitNcx2(samples: readonly number[]): Ncx2Fit {
  const xs = samples.filter((v) => v > 0 && Number.isFinite(v));
  if (xs.length < 3) throw new RangeError('fitNcx2: needs at least 3 positive errors');
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  if (!(variance > 1e-20 * mean * mean)) throw new RangeError('fitNcx2: the errors are all equal; nothing to fit');
  const s0 = variance / (2 * mean);
  const k0 = mean / s0;
  // Bounded so the simplex cannot wander along the likelihood's flat ridge (large λ, small k) to where
  // the mixture needs millions of terms; the bounds are far beyond any error distribution met here.
  const nll = (t: number[]) =>
    t[0] > 20 || t[1] > 16 || Math.abs(t[2]) > 50
      ? Infinity
      : -ncx2LogLikelihood(xs, { df: Math.exp(t[0]), nc: Math.exp(t[1]), scale: Math.exp(t[2]) });
  const start = [Math.log(k0), Math.log(Math.max(1e-3, 0.01 * k0)), Math.log(s0)];
  let best = nelderMead(nll, start, { step: [0.5, 1, 0.5], maxIterations: 2000 });
  // A restart from the optimum escapes the occasional premature collapse of the simplex.
  const again = nelderMead(nll, best.x, { step: [0.2, 0.5, 0.2], maxIterations: 2000 });
  if (again.value <= best.value) best = again;
  return {
    df: Math.exp(best.x[0]),
    nc: Math.exp(best.x[1]),
    scale: Math.exp(best.x[2]),
    logLikelihood: -best.value,
    converged: best.converged,
  };
}
