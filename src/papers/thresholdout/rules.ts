/**
 * What the reusable-holdout experiment implies across fields (research notes §13 "Lints"; the
 * authors' thresholdout.py).
 */
import type { ThresholdoutConfig } from './schema';
import type { PaperRule, RuleFinding } from '../../core/paper';

type Rule = PaperRule<ThresholdoutConfig>;

const SOURCE = 'Dwork et al. 2015, thresholdout.py (Science supplement)';
const round = (v: number): number => Number(v.toPrecision(4));

export const thresholdAboveNoise: Rule = {
  code: 'thresholdout/threshold-above-noise',
  title: 'The threshold T must exceed the noise scale σ',
  source: `${SOURCE}: T = 4/√n, σ = 1/√n`,
  check({ thresholdout: { threshold: t, sigma: s } }) {
    if (t > s) return [];
    return [
      {
        path: ['thresholdout', 'threshold'],
        target: 'value',
        severity: 'warning',
        message: `threshold (${t}) is not above sigma (${s}): the noisy comparison is decided by noise, so almost every query spends the budget and returns a noisy holdout value. The paper uses T = 4σ.`,
        fixes: [
          {
            title: `Set threshold to 4 × sigma (${round(4 * s)})`,
            edits: [{ kind: 'setValue', path: ['thresholdout', 'threshold'], value: round(4 * s) }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const kWithinD: Rule = {
  code: 'thresholdout/k-within-d',
  title: 'No k may exceed the number of features d',
  source: `${SOURCE}: krange ≤ d`,
  check({ data: { d }, analysis: { k: ks } }) {
    const out: RuleFinding[] = [];
    ks.forEach((k, i) => {
      if (k > d) {
        out.push({
          path: ['analysis', 'k', i],
          target: 'value',
          severity: 'error',
          message: `k = ${k} asks for more features than exist (d = ${d}). Use k ≤ ${d}, or raise data.d.`,
          fixes: [{ title: `Set k to ${d}`, edits: [{ kind: 'setValue', path: ['analysis', 'k', i], value: d }] }],
        });
      }
    });
    return out;
  },
};

export const signalWithinD: Rule = {
  code: 'thresholdout/signal-vars-within-d',
  title: 'The signal features must be among the d features',
  source: `${SOURCE}: createhighsignaldata, nbiased = 20 ≤ d`,
  check({ data: { d, signal_vars: v } }) {
    if (v <= d) return [];
    return [
      {
        path: ['data', 'signal_vars'],
        target: 'value',
        severity: 'error',
        message: `signal_vars (${v}) is larger than d (${d}); only ${d} features exist.`,
        fixes: [
          {
            title: `Set signal_vars to ${Math.min(20, d)}`,
            edits: [{ kind: 'setValue', path: ['data', 'signal_vars'], value: Math.min(20, d) }],
          },
        ],
      },
    ];
  },
};

/** T and σ are absolute; the paper ties them to 1/√n, so a changed n silently changes their meaning. */
export const rescaleWithN: Rule = {
  code: 'thresholdout/rescale-with-n',
  title: 'Rescale T and σ when n changes (T = 4/√n, σ = 1/√n)',
  source: `${SOURCE}: threshold = 4/sqrt(n), tolerance = 1/sqrt(n)`,
  check({ data: { n }, thresholdout }) {
    if (n <= 0) return [];
    const out: RuleFinding[] = [];
    const pairs: ['threshold' | 'sigma', number][] = [
      ['threshold', 4],
      ['sigma', 1],
    ];
    for (const [key, units] of pairs) {
      const v = thresholdout[key];
      const want = units / Math.sqrt(n);
      if (Math.abs(v / want - 1) <= 0.15) continue;
      out.push({
        path: ['thresholdout', key],
        target: 'value',
        severity: 'warning',
        message: `${key} = ${v} is ${round(v * Math.sqrt(n))}/√n for n = ${n}; the paper uses ${units}/√n = ${round(want)}. If you changed n, rescale ${key} with it.`,
        fixes: [
          {
            title: `Set ${key} to ${units}/√n = ${round(want)}`,
            edits: [{ kind: 'setValue', path: ['thresholdout', key], value: round(want) }],
            preferred: true,
          },
        ],
      });
    }
    return out;
  },
};

/** Three n×d float32 sets live in memory at once; past ~1 GB a run would fail far into its work. */
export const memoryFits: Rule = {
  code: 'thresholdout/memory',
  title: 'The three n×d data sets must fit in memory',
  source: 'Paperlab: training, holdout and fresh sets are held as float32',
  check({ data: { n, d } }) {
    const gb = (3 * n * d * 4) / 1e9;
    if (gb <= 1) return [];
    return [
      {
        path: ['data', 'd'],
        target: 'value',
        severity: 'error',
        message: `n = ${n} and d = ${d} need ${gb.toFixed(1)} GB for the three data sets; keep 3·n·d·4 bytes under 1 GB (e.g. n = d = 5000). The paper's n = d = 10000 needs a bigger machine.`,
      },
    ];
  },
};

export const rules: Rule[] = [thresholdAboveNoise, kWithinD, signalWithinD, rescaleWithN, memoryFits];
