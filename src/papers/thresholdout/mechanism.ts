/**
 * Thresholdout (Dwork, Feldman, Hardt, Pitassi, Reingold, Roth, "The reusable holdout", Science 2015):
 * a validation set that can be asked many adaptively chosen questions without being overfitted.
 *
 * Each query is a statistic measured on the training set and on the holdout (an accuracy, a
 * correlation). When the two agree to within a noisy threshold, the training value is returned and the
 * holdout leaks nothing; when they disagree, a noisy holdout value is returned and one unit of the
 * overfitting budget is spent. Once the budget is gone the holdout must not be consulted again.
 *
 * Two noise models:
 *  - `laplace`: the paper's algorithm — threshold T̂ = T + Lap(2σ), re-drawn after each over-threshold
 *    answer; comparison noise Lap(4σ); answer noise Lap(σ); budget B.
 *  - `gaussian`: the variant in the authors' experiment code (thresholdout.py in the Science
 *    supplement) — fixed threshold, N(0, σ) noise on the comparison and on the answer.
 *
 * Pure TypeScript, no dependencies: the `thresholdout` paper's mechanism, used by its experiment (and,
 * beyond the paper, usable wherever many runs are compared on one validation set: see `pickBest`).
 */

export type NoiseDist = 'laplace' | 'gaussian';

export interface ThresholdoutOptions {
  /** T: how far the training value may drift from the holdout value before the holdout is used. */
  threshold: number;
  /** σ: noise scale. The authors' experiments use T = 4/√n and σ = 1/√n for a holdout of n points. */
  sigma: number;
  /** How many over-threshold answers the holdout can give before it is spent (Infinity = unbounded). */
  budget: number;
  noise: NoiseDist;
  /** Uniform draws in [0, 1); pass a seeded generator for reproducible answers. */
  random: () => number;
}

export interface ThresholdoutAnswer {
  /** The value to report, or undefined once the budget is spent. */
  value: number | undefined;
  /** True when the holdout (plus noise) was returned, i.e. the training value looked overfitted. */
  overThreshold: boolean;
  /** Budget remaining after this query. */
  budgetLeft: number;
}

/** Laplace(0, b) by inverting its CDF. */
export function laplace(random: () => number, b: number): number {
  let u = random();
  while (u === 0) u = random();
  u -= 0.5;
  return -b * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
}

/** N(0, s²) by Box–Muller (one draw of the pair is enough here). */
export function gaussian(random: () => number, s: number): number {
  let u = random();
  while (u === 0) u = random();
  return s * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export class Thresholdout {
  private budgetLeft: number;
  private noisyThreshold: number;
  private readonly opts: ThresholdoutOptions;

  constructor(opts: ThresholdoutOptions) {
    const problems = checkOptions(opts);
    if (problems.length) throw new RangeError(`Thresholdout: ${problems.join('; ')}`);
    this.opts = opts;
    this.budgetLeft = opts.budget;
    this.noisyThreshold = this.drawThreshold();
  }

  get remaining(): number {
    return this.budgetLeft;
  }

  /** Answers one query from its value on the training set and on the holdout. */
  query(trainValue: number, holdoutValue: number): ThresholdoutAnswer {
    if (this.budgetLeft < 1) return { value: undefined, overThreshold: false, budgetLeft: this.budgetLeft };
    const { sigma, noise, random } = this.opts;
    const comparisonNoise = noise === 'laplace' ? laplace(random, 4 * sigma) : gaussian(random, sigma);
    if (Math.abs(trainValue - holdoutValue) > this.noisyThreshold + comparisonNoise) {
      this.budgetLeft -= 1;
      const answerNoise = noise === 'laplace' ? laplace(random, sigma) : gaussian(random, sigma);
      this.noisyThreshold = this.drawThreshold();
      return { value: holdoutValue + answerNoise, overThreshold: true, budgetLeft: this.budgetLeft };
    }
    return { value: trainValue, overThreshold: false, budgetLeft: this.budgetLeft };
  }

  private drawThreshold(): number {
    // The code's Gaussian variant keeps T fixed and puts all the noise on the comparison.
    return this.opts.noise === 'laplace'
      ? this.opts.threshold + laplace(this.opts.random, 2 * this.opts.sigma)
      : this.opts.threshold;
  }
}

/** What is wrong with a set of options, in words (empty when fine). */
export function checkOptions(o: Partial<ThresholdoutOptions>): string[] {
  const out: string[] = [];
  if (!(typeof o.threshold === 'number' && o.threshold > 0 && Number.isFinite(o.threshold)))
    out.push('threshold must be a positive number');
  if (!(typeof o.sigma === 'number' && o.sigma > 0 && Number.isFinite(o.sigma)))
    out.push('sigma must be a positive number');
  if (!(typeof o.budget === 'number' && o.budget >= 0)) out.push('budget must be ≥ 0 (Infinity for unbounded)');
  if (o.noise !== 'laplace' && o.noise !== 'gaussian') out.push("noise must be 'laplace' or 'gaussian'");
  if (typeof o.random !== 'function') out.push('random must be a function returning uniform draws in [0, 1)');
  return out;
}

/** The scales the authors use for a holdout of n points: T = 4/√n, σ = 1/√n. */
export function defaultScales(n: number): { threshold: number; sigma: number } {
  return { threshold: 4 / Math.sqrt(n), sigma: 1 / Math.sqrt(n) };
}

export interface Candidate<Id> {
  id: Id;
  /** The score on the data the candidate was tuned on (training or a first validation split). */
  train: number;
  /** The score on the shared validation set that many candidates are compared on. */
  holdout: number;
}

export interface Pick<Id> {
  id: Id | undefined;
  /** The reported (Thresholdout) score of every candidate that was answered, in input order. */
  reported: { id: Id; score: number; overThreshold: boolean }[];
  /** True when the budget ran out before every candidate was answered. */
  exhausted: boolean;
}

/**
 * Beyond the paper: picks the candidate with the highest reported score when many runs (a sweep) are
 * compared on ONE validation set. Each candidate's validation score passes through Thresholdout, so
 * the choice overfits that set far less than taking the raw best score would.
 */
export function pickBest<Id>(candidates: Candidate<Id>[], opts: ThresholdoutOptions): Pick<Id> {
  const t = new Thresholdout(opts);
  const reported: Pick<Id>['reported'] = [];
  let best: { id: Id; score: number } | undefined;
  for (const c of candidates) {
    const a = t.query(c.train, c.holdout);
    if (a.value === undefined) return { id: best?.id, reported, exhausted: true };
    reported.push({ id: c.id, score: a.value, overThreshold: a.overThreshold });
    if (!best || a.value > best.score) best = { id: c.id, score: a.value };
  }
  return { id: best?.id, reported, exhausted: false };
}
