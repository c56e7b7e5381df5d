/**
 * What the paper's setting implies across fields (Ge, Tang, Fan, Jin, ICLR 2024). Sources: the
 * abstract's bound O(C_Φ/m + C_Ψ/n) vs O(C_{Φ∘Ψ}/n), its "informative" condition, and the factor
 * model's own statistics.
 */
import type { PaperRule } from '../../core/paper';
import { fmtInt } from '../common/rules';
import type { PretrainingConfig } from './schema';

type Rule = PaperRule<PretrainingConfig>;
const ABSTRACT = 'Ge et al. 2024, abstract: excess risk O(C_Φ/m + C_Ψ/n) after pretraining vs O(C_{Φ∘Ψ}/n) without';

const unlabeledNotLarger: Rule = {
  code: 'unsupervised-pretraining/m-not-larger',
  title: 'Pretraining helps when unlabelled data outnumber labels (m ≫ n)',
  source: `${ABSTRACT} ("the benefit of unsupervised pretraining when m ≫ n")`,
  check({ data }) {
    const n = Math.max(...data.labeled);
    if (data.unlabeled > n) return [];
    return [
      {
        path: ['data', 'unlabeled'],
        target: 'value',
        severity: 'warning',
        message: `m = ${fmtInt(data.unlabeled)} unlabelled samples is not more than the largest labelled size n = ${fmtInt(n)}: the C_Φ/m term is then as large as the labelled one and the paper predicts no advantage there.`,
        fixes: [
          {
            title: `Use m = ${fmtInt(10 * n)}`,
            edits: [{ kind: 'setValue', path: ['data', 'unlabeled'], value: 10 * n }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const rankBelowDimension: Rule = {
  code: 'unsupervised-pretraining/rank-below-dimension',
  title: 'The latent dimension must be below the input dimension',
  source: `${ABSTRACT}: the advantage needs C_{Φ∘Ψ} > C_Ψ, i.e. fewer factors than inputs`,
  check({ model }) {
    if (model.r < model.d) return [];
    return [
      {
        path: ['model', 'r'],
        target: 'value',
        severity: 'error',
        message: `r = ${model.r} factors in d = ${model.d} dimensions: a factor model needs r < d, otherwise the representation compresses nothing and pretraining cannot lower the downstream complexity.`,
        fixes: [
          {
            title: `Use r = ${Math.max(1, Math.floor(model.d / 20))}`,
            edits: [{ kind: 'setValue', path: ['model', 'r'], value: Math.max(1, Math.floor(model.d / 20)) }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const rankMismatch: Rule = {
  code: 'unsupervised-pretraining/pretrain-rank',
  title: 'Pretraining fits the true latent dimension',
  source:
    'Ge et al. 2024, abstract: MLE over the latent-variable class Φ that contains the data model (realizable setting)',
  check({ model, pretrain }) {
    if (pretrain.rank === model.r) return [];
    const fewer = pretrain.rank < model.r;
    return [
      {
        path: ['pretrain', 'rank'],
        target: 'value',
        severity: 'warning',
        message: fewer
          ? `Pretraining keeps ${pretrain.rank} of the ${model.r} factors: the label depends on all of them, so the downstream error cannot fall below what the missing factors carry.`
          : `Pretraining keeps ${pretrain.rank} directions for ${model.r} factors: the extra ${pretrain.rank - model.r} are noise directions that the downstream fit must learn to ignore (a C_Ψ of ${pretrain.rank}, not ${model.r}).`,
        fixes: [
          {
            title: `Fit ${model.r} factors (the model's r)`,
            edits: [{ kind: 'setValue', path: ['pretrain', 'rank'], value: model.r }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const factorsInvisible: Rule = {
  code: 'unsupervised-pretraining/factors-invisible',
  title: 'The factors must be detectable from the unlabelled data',
  source:
    'Ge et al. 2024, abstract ("informative" condition); the PCA detection threshold ‖a‖²/σ² > √(d/m) (Baik, Ben Arous & Péché 2005)',
  check({ model, data }) {
    const threshold = Math.sqrt(model.d / data.unlabeled);
    if (model.factor_strength > 1.5 * threshold) return [];
    return [
      {
        path: ['model', 'factor_strength'],
        target: 'value',
        severity: 'info',
        message: `Factor strength ${model.factor_strength} is near or below √(d/m) = ${threshold.toFixed(2)}: principal components of ${fmtInt(data.unlabeled)} samples barely see the factors, so the pretrained representation is mostly noise and the advantage may vanish.`,
      },
    ];
  },
};

const fitWindow: Rule = {
  code: 'unsupervised-pretraining/fit-window',
  title: 'Enough labelled sizes inside the slope window',
  source: `${ABSTRACT}: the 1/n rate is read as a log-log slope over several n`,
  check({ data, fit }) {
    const [lo, hi] = fit.window;
    const inside = data.labeled.filter((n) => n >= lo && n <= hi).length;
    if (lo < hi && inside >= 3) return [];
    return [
      {
        path: ['fit', 'window'],
        target: 'value',
        severity: 'warning',
        message:
          lo >= hi
            ? `The fit window [${lo}, ${hi}] is empty: give [low, high] with low < high.`
            : `Only ${inside} labelled size${inside === 1 ? '' : 's'} inside [${lo}, ${hi}]: a slope needs at least 3 points.`,
      },
    ];
  },
};

const underdetermined: Rule = {
  code: 'unsupervised-pretraining/downstream-underdetermined',
  title: 'The downstream fit needs more labels than features',
  source: 'Least squares on r pretrained features (the ERM step): determined only for n > r + 1',
  check({ data, pretrain }) {
    const small = data.labeled.filter((n) => n <= pretrain.rank + 1);
    if (small.length === 0) return [];
    return [
      {
        path: ['data', 'labeled'],
        target: 'value',
        severity: 'info',
        message: `n = ${small.join(', ')} ≤ rank + 1 = ${pretrain.rank + 1}: the downstream least squares is not determined there (a tiny ridge keeps it finite), so those points sit far above the 1/n line.`,
      },
    ];
  },
};

export const rules: Rule[] = [
  unlabeledNotLarger,
  rankBelowDimension,
  rankMismatch,
  factorsInvisible,
  fitWindow,
  underdetermined,
];
