/**
 * What Xu et al.'s setting needs across fields (research notes §2 "Lints"). The paper's assumptions
 * are asymptotic (d ≫ n, ω_init ≪ α); the numeric cut-offs here are heuristics, said as such.
 */
import type { XorConfig } from './schema';
import type { PaperRule } from '../../core/paper';

type Rule = PaperRule<XorConfig>;

const PAPER = 'Xu et al. 2024, §2 (assumptions on data and initialization)';

export const orthogonalMeans: Rule = {
  code: 'xor-benign-grokking/orthogonal-means',
  title: 'The two cluster means must be orthogonal (μ₁·μ₂ = 0)',
  source: PAPER,
  check({ data: { means_cosine: cos } }) {
    if (cos === 0) return [];
    return [
      {
        path: ['data', 'means_cosine'],
        target: 'value',
        severity: 'warning',
        message: `The cluster means are at cosine ${cos}; the paper's results assume orthogonal means (cosine 0). Expect the grokking picture to change.`,
        fixes: [
          {
            title: 'Use orthogonal means (0)',
            edits: [{ kind: 'setValue', path: ['data', 'means_cosine'], value: 0 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const highDimension: Rule = {
  code: 'xor-benign-grokking/high-dimension',
  title: 'The input dimension must be much larger than the number of training points (d ≫ n)',
  source: `${PAPER}; the cut-off d ≥ 100·n is a heuristic (the notes' sim: d = 20000, n = 40)`,
  check({ data: { d, n } }) {
    if (d >= 100 * n) return [];
    return [
      {
        path: ['data', 'd'],
        target: 'value',
        severity: 'warning',
        message: `d = ${d} is only ${(d / n).toFixed(1)}× n = ${n}. Benign overfitting needs the noise vectors to be nearly orthogonal, i.e. d ≫ n; try d ≥ ${100 * n}.`,
        fixes: [{ title: `Set d to ${100 * n}`, edits: [{ kind: 'setValue', path: ['data', 'd'], value: 100 * n }] }],
      },
    ];
  },
};

export const smallInit: Rule = {
  code: 'xor-benign-grokking/small-init',
  title: 'The initialization scale must be much smaller than the step size (ω_init ≪ α)',
  source: `${PAPER}; the cut-off ω_init ≤ α/100 is a heuristic (the notes' sim: 1e-4 vs 0.08)`,
  check({ model: { init_scale: w }, train: { lr } }) {
    if (w <= lr / 100) return [];
    const fix = Number((lr / 800).toPrecision(2));
    return [
      {
        path: ['model', 'init_scale'],
        target: 'value',
        severity: 'warning',
        message: `init_scale = ${w} is not ≪ lr = ${lr}. The first step only memorizes the training set when the initialization is negligible next to one gradient step; use ω_init ≤ α/100.`,
        fixes: [
          {
            title: `Set init_scale to ${fix} (lr/800, as in the notes' sim)`,
            edits: [{ kind: 'setValue', path: ['model', 'init_scale'], value: fix }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

/** P(some cluster gets fewer than n/8 of n uniformly assigned points), by a union bound over clusters. */
export function smallClusterProbability(n: number): number {
  const limit = Math.ceil(n / 8); // "fewer than n/8" = at most limit − 1
  let p = 0;
  let term = Math.pow(0.75, n); // P(Bin(n, 1/4) = 0)
  for (let k = 0; k < limit; k++) {
    p += term;
    term *= ((n - k) / (k + 1)) * (0.25 / 0.75);
  }
  return Math.min(1, 4 * p);
}

export const balancedClusters: Rule = {
  code: 'xor-benign-grokking/balanced-clusters',
  title: 'Every cluster needs enough training points (at least n/8)',
  source:
    'research notes §2: in the sim, a cluster with 5 of 40 points was never learned and test accuracy stalled at 0.75',
  check({ data: { n, clusters: mode } }) {
    if (mode === 'balanced' && n % 4 !== 0) {
      const fixed = Math.max(4, Math.floor(n / 4) * 4);
      return [
        {
          path: ['data', 'n'],
          target: 'value',
          severity: 'error',
          message: `clusters: balanced puts n/4 points in each of the four clusters, so n must be a multiple of 4 (got ${n}).`,
          fixes: [
            {
              title: `Set n to ${fixed}`,
              edits: [{ kind: 'setValue', path: ['data', 'n'], value: fixed }],
              preferred: true,
            },
          ],
        },
      ];
    }
    if (mode !== 'random') return [];
    const p = smallClusterProbability(n);
    if (p < 0.01) return [];
    return [
      {
        path: ['data', 'clusters'],
        target: 'value',
        severity: 'warning',
        message: `With n = ${n} points assigned at random, some cluster gets fewer than n/8 points with probability up to ${(100 * p).toFixed(0)}%; such a cluster may never be learned. Use balanced clusters.`,
        fixes: [
          {
            title: 'Use balanced clusters',
            edits: [{ kind: 'setValue', path: ['data', 'clusters'], value: 'balanced' }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [orthogonalMeans, highDimension, smallInit, balancedClusters];
