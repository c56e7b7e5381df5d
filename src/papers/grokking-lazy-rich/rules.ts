/**
 * What the lazy→rich setting needs across fields (research notes §1 "Lints"; the authors' notebook),
 * plus a step-size stability check of our own (said as such).
 */
import type { LazyRichConfig } from './schema';
import type { PaperRule } from '../../core/paper';

type Rule = PaperRule<LazyRichConfig>;

const NB = "Kumar et al. 2024, authors' notebook (research notes §1)";

export const scaledLr: Rule = {
  code: 'grokking-lazy-rich/scaled-lr',
  title: 'Keep η·α²/N fixed across an α sweep',
  source: `${NB}: lr = N/α²`,
  check({ train }) {
    if (train.lr_mode !== 'fixed' || new Set(train.alphas).size < 2) return [];
    return [
      {
        path: ['train', 'lr_mode'],
        target: 'value',
        severity: 'warning',
        message:
          'With one η for every α, the effective step size in function space (η·α²/N) changes with α, so laziness and step size are confounded: a large-α run may diverge and a small-α one crawl. Use lr_mode: scaled (η = lr·N/α²).',
        fixes: [
          {
            title: 'Use lr_mode: scaled with lr = 1 (η = N/α²)',
            edits: [
              { kind: 'setValue', path: ['train', 'lr_mode'], value: 'scaled' },
              { kind: 'setValue', path: ['train', 'lr'], value: 1 },
            ],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const epsilonPositive: Rule = {
  code: 'grokking-lazy-rich/epsilon-positive',
  title: 'ε must be positive: with ε = 0 the network is linear',
  source: `${NB}: φ(z) = z + εz²/2, ε = 0.02`,
  check({ model }) {
    if (model.epsilon !== 0) return [];
    return [
      {
        path: ['model', 'epsilon'],
        target: 'value',
        severity: 'error',
        message:
          'With ε = 0, φ(z) = z and the network is linear in x: it can never fit the quadratic target y = (β·x)²/2, so there is no rich phase to see. The paper uses ε = 0.02 (0.25 in Fig. 4).',
        fixes: [
          {
            title: 'Set epsilon to 0.02',
            edits: [{ kind: 'setValue', path: ['model', 'epsilon'], value: 0.02 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const centerLargeAlpha: Rule = {
  code: 'grokking-lazy-rich/center-large-alpha',
  title: 'Centre the output (f − f₀) when α is large',
  source: `${NB}: output is centred`,
  check({ model, train }) {
    if (model.center) return [];
    const big = train.alphas.filter((a) => a > 1);
    if (!big.length) return [];
    return [
      {
        path: ['model', 'center'],
        target: 'value',
        severity: 'warning',
        message: `Without centring, the network starts at f₀ ≈ α·O(1) for α = ${big.join(', ')}: the initial loss is dominated by f₀ and lazy training spends its time undoing it. The paper trains f − f₀.`,
        fixes: [
          {
            title: 'Set center: true',
            edits: [{ kind: 'setValue', path: ['model', 'center'], value: true }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const enoughData: Rule = {
  code: 'grokking-lazy-rich/enough-data',
  title: 'Use at least as many training points as dimensions (P ≥ D), a heuristic',
  source: `${NB}: P = 550, D = 100; the cut-off is the notes' heuristic`,
  check({ data: { train: p, dim: d } }) {
    if (p >= d) return [];
    return [
      {
        path: ['data', 'train'],
        target: 'value',
        severity: 'warning',
        message: `P = ${p} < D = ${d}: with fewer points than dimensions even the rich network cannot pin down β, so the late drop in test loss may never come. The paper uses P = 5.5·D.`,
        fixes: [
          {
            title: `Set train to ${Math.ceil(5.5 * d)}`,
            edits: [{ kind: 'setValue', path: ['data', 'train'], value: Math.ceil(5.5 * d) }],
          },
        ],
      },
    ];
  },
};

/**
 * Lazy-regime stability: GD on the linearized model diverges when (2c/P)·λ_max > 2, with c = η·α²/N
 * and λ_max the top eigenvalue of the kernel matrix ≈ XXᵀ, which for x ~ N(0, I/D) is about
 * (1 + √(P/D))² (Marchenko–Pastur edge). Warn at half that limit: the rich phase is less forgiving.
 */
export const stableStep: Rule = {
  code: 'grokking-lazy-rich/stable-step',
  title: 'The step size must stay below the kernel stability limit',
  source: 'Paperlab: linearized-GD stability, λ_max ≈ (1 + √(P/D))²',
  check({ data: { train: p, dim: d }, train: { lr, lr_mode } }) {
    if (lr_mode !== 'scaled') return [];
    const limit = p / (1 + Math.sqrt(p / d)) ** 2;
    if (lr <= limit / 2) return [];
    const safe = Math.floor(limit / 4);
    return [
      {
        path: ['train', 'lr'],
        target: 'value',
        severity: 'warning',
        message: `lr = ${lr} means η = ${lr}·N/α²; for P = ${p}, D = ${d} the lazy dynamics diverge near lr ≈ ${limit.toFixed(0)}, and the rich phase earlier. Use lr ≤ ${safe} (more steps instead).`,
        fixes:
          safe >= 1
            ? [{ title: `Set lr to ${safe}`, edits: [{ kind: 'setValue', path: ['train', 'lr'], value: safe }] }]
            : undefined,
      },
    ];
  },
};

export const rules: Rule[] = [scaledLr, epsilonPositive, centerLargeAlpha, enoughData, stableStep];
