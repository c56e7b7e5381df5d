/**
 * The adaptive feature-selection experiment of Dwork et al. (Science 2015, Fig. 2; the authors'
 * thresholdout.py), in plain TypeScript. No tfjs: it is all correlations and sign classifiers.
 *
 * One repetition: draw training, holdout and fresh sets (n points, d Gaussian features, ±1 labels;
 * in the `signal` condition the first `signalVars` features are shifted by bias·y). The analyst keeps
 * the features whose correlation with the label is at least filter/√n with the same sign on the
 * training set AND on the holdout (the adaptive step that leaks the holdout), ranks them by training
 * correlation, and for each k builds the classifier sign(Σ_top-k sign(corr_j)·x_j). The holdout is
 * read either directly (standard holdout) or through Thresholdout.
 */
import { Thresholdout, type NoiseDist } from './mechanism';

export interface ExperimentSettings {
  n: number;
  d: number;
  signalVars: number;
  /** In units of 1/√n. */
  signalBias: number;
  /** In units of 1/√n. */
  selectionFilter: number;
  ks: number[];
  threshold: number;
  sigma: number;
  noise: NoiseDist;
  /** Infinity when unbounded. */
  budget: number;
}

export interface Source {
  next(): number;
  normal(): number;
}

export interface Accuracies {
  train: number;
  holdout: number;
  fresh: number;
}

export interface RepResult {
  standard: Accuracies[];
  /** `holdout` is NaN for a k asked after the budget ran out. */
  thresholdout: Accuracies[];
  /** Over-threshold answers Thresholdout gave in this repetition (feature queries + accuracy queries). */
  overThreshold: number;
  /** First k whose accuracy query found the budget spent (undefined if it never ran out). */
  exhaustedAtK?: number;
}

interface DataSet {
  x: Float32Array; // n × d, row-major
  y: Int8Array;
}

export function makeSet(n: number, d: number, signalVars: number, bias: number, rnd: Source): DataSet {
  const x = new Float32Array(n * d);
  const y = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rnd.next() < 0.5 ? -1 : 1;
    const row = i * d;
    for (let j = 0; j < d; j++) x[row + j] = rnd.normal();
    for (let j = 0; j < signalVars; j++) x[row + j] += bias * y[i];
  }
  return { x, y };
}

/** corr_j = Σ_i x_ij·y_i / n for every feature j. */
export function correlations(s: DataSet, n: number, d: number): Float64Array {
  const c = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    const yi = s.y[i];
    for (let j = 0; j < d; j++) c[j] += s.x[row + j] * yi;
  }
  for (let j = 0; j < d; j++) c[j] /= n;
  return c;
}

/**
 * Accuracy of the top-k sign classifiers for every k in `ks` (ascending), computed incrementally:
 * features are added one at a time to a running score per point. sign(0) counts as a miss, as in the
 * authors' code; k = 0 is reported as 0.5 (chance), as they do.
 */
export function topKAccuracies(
  s: DataSet,
  n: number,
  d: number,
  order: Int32Array,
  weights: Float64Array,
  ks: number[],
): number[] {
  const score = new Float64Array(n);
  const out: number[] = [];
  let added = 0;
  for (const k of ks) {
    for (; added < Math.min(k, order.length); added++) {
      const j = order[added];
      const w = weights[j];
      if (w === 0) continue;
      for (let i = 0; i < n; i++) score[i] += w * s.x[i * d + j];
    }
    if (k === 0) {
      out.push(0.5);
      continue;
    }
    let hits = 0;
    for (let i = 0; i < n; i++) if (Math.sign(score[i]) === s.y[i]) hits++;
    out.push(hits / n);
  }
  return out;
}

/** Features that pass the filter on both sets with the same sign, ranked by |training correlation|. */
export function selectFeatures(
  train: Float64Array,
  holdout: ArrayLike<number>,
  cut: number,
): { order: Int32Array; weights: Float64Array } {
  const d = train.length;
  const weights = new Float64Array(d);
  const kept: number[] = [];
  for (let j = 0; j < d; j++) {
    const both = (train[j] > cut && holdout[j] > cut) || (train[j] < -cut && holdout[j] < -cut);
    if (both) {
      weights[j] = Math.sign(train[j]);
      kept.push(j);
    }
  }
  kept.sort((a, b) => Math.abs(train[b]) - Math.abs(train[a]));
  return { order: Int32Array.from(kept), weights };
}

export function runRep(s: ExperimentSettings, withSignal: boolean, rnd: Source): RepResult {
  const { n, d } = s;
  const bias = withSignal ? s.signalBias / Math.sqrt(n) : 0;
  const vars = withSignal ? Math.min(s.signalVars, d) : 0;
  const train = makeSet(n, d, vars, bias, rnd);
  const hold = makeSet(n, d, vars, bias, rnd);
  const fresh = makeSet(n, d, vars, bias, rnd);
  const cTrain = correlations(train, n, d);
  const cHold = correlations(hold, n, d);
  const cut = s.selectionFilter / Math.sqrt(n);

  const measure = (sel: { order: Int32Array; weights: Float64Array }) => ({
    train: topKAccuracies(train, n, d, sel.order, sel.weights, s.ks),
    hold: topKAccuracies(hold, n, d, sel.order, sel.weights, s.ks),
    fresh: topKAccuracies(fresh, n, d, sel.order, sel.weights, s.ks),
  });

  const std = measure(selectFeatures(cTrain, cHold, cut));
  const standard = s.ks.map((_, i) => ({ train: std.train[i], holdout: std.hold[i], fresh: std.fresh[i] }));

  // Thresholdout arm: every holdout correlation and every holdout accuracy goes through one mechanism.
  const mech = new Thresholdout({
    threshold: s.threshold,
    sigma: s.sigma,
    budget: s.budget,
    noise: s.noise,
    random: () => rnd.next(),
  });
  const answered = new Float64Array(d);
  let over = 0;
  for (let j = 0; j < d; j++) {
    const a = mech.query(cTrain[j], cHold[j]);
    // Once the budget is spent the analyst may not look again: unanswered features are not selected.
    answered[j] = a.value ?? 0;
    if (a.overThreshold) over++;
  }
  const thr = measure(selectFeatures(cTrain, answered, cut));
  let exhaustedAtK: number | undefined;
  const thresholdout = s.ks.map((k, i) => {
    if (k === 0) return { train: 0.5, holdout: 0.5, fresh: 0.5 };
    const a = mech.query(thr.train[i], thr.hold[i]);
    if (a.overThreshold) over++;
    if (a.value === undefined && exhaustedAtK === undefined) exhaustedAtK = k;
    return { train: thr.train[i], holdout: a.value ?? NaN, fresh: thr.fresh[i] };
  });
  return { standard, thresholdout, overThreshold: over, exhaustedAtK };
}

/** Mean and standard deviation over repetitions, ignoring NaN (unanswered) entries. */
export function meanStd(values: number[]): { mean: number; std: number; count: number } {
  const v = values.filter((x) => !Number.isNaN(x));
  if (!v.length) return { mean: NaN, std: NaN, count: 0 };
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const variance = v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length;
  return { mean, std: Math.sqrt(variance), count: v.length };
}
