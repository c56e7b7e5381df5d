/**
 * Distribution checks for sampled outputs: the one-sample Kolmogorov–Smirnov test against a given
 * CDF, the normal and Student-t CDFs and log-densities it is used with, and sample kurtosis. Used by
 * nngp-scale-mixtures (are random networks' outputs Gaussian, or Student-t as the paper predicts?) and
 * the GP/t-process likelihoods (src/trainer/linalg/gp.ts).
 */
import erfc from '@stdlib/math-base-special-erfc';
import gammaln from '@stdlib/math-base-special-gammaln';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

export function normalCdf(x: number, mean = 0, sd = 1): number {
  return 0.5 * erfc(-(x - mean) / (sd * Math.SQRT2));
}

/** Φ⁻¹(p): the standard normal quantile, as Student's t with 10⁹ degrees of freedom (@stdlib, exact to double precision). */
export function normalQuantile(p: number): number {
  return tQuantile(p, 1e9);
}

export function normalLogPdf(x: number, mean: number, sd: number): number {
  const z = (x - mean) / sd;
  return -0.5 * z * z - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
}

/** Location–scale Student-t: (x − loc)/scale ~ t_ν. */
export function studentTCdf(x: number, nu: number, loc = 0, scale = 1): number {
  return tCdf((x - loc) / scale, nu);
}

export function studentTLogPdf(x: number, nu: number, loc: number, scale: number): number {
  const z = (x - loc) / scale;
  return (
    gammaln((nu + 1) / 2) -
    gammaln(nu / 2) -
    0.5 * Math.log(nu * Math.PI) -
    Math.log(scale) -
    ((nu + 1) / 2) * Math.log1p((z * z) / nu)
  );
}

export interface KsResult {
  /** sup |F_n − F|. */
  d: number;
  /** Asymptotic p-value (Kolmogorov distribution with Stephens' small-sample correction). */
  p: number;
  n: number;
}

/** Kolmogorov's Q(λ) = 2 Σ (−1)^{j−1} e^{−2j²λ²}; 1 for small λ where the series has not converged. */
function kolmogorovQ(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let j = 1; j <= 100; j++) {
    const term = Math.exp(-2 * j * j * lambda * lambda);
    sum += (j % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-12) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/** One-sample KS test of `samples` against the continuous CDF `cdf`. */
export function ksTest(samples: readonly number[], cdf: (x: number) => number): KsResult {
  const xs = samples.filter(Number.isFinite).sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return { d: NaN, p: NaN, n };
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  const sn = Math.sqrt(n);
  return { d, p: kolmogorovQ((sn + 0.12 + 0.11 / sn) * d), n };
}

export interface Moments {
  mean: number;
  /** Sample variance (n − 1). */
  variance: number;
  /** Excess kurtosis m4/m2² − 3 (0 for a Gaussian, 6/(ν − 4) for Student-t with ν > 4, ∞ for ν ≤ 4). */
  excessKurtosis: number;
}

export function moments(samples: readonly number[]): Moments {
  const xs = samples.filter(Number.isFinite);
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const c = (x - mean) ** 2;
    m2 += c;
    m4 += c * c;
  }
  return { mean, variance: m2 / (n - 1), excessKurtosis: m4 / n / (m2 / n) ** 2 - 3 };
}
