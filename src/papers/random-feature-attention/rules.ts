/** Cross-field checks for the random-feature attention setting, each citing its source. */
import type { PaperRule } from '../../core/paper';
import { fmtInt } from '../common/rules';
import type { RfaConfig } from './schema';

type Rule = PaperRule<RfaConfig>;
const ABSTRACT = 'Fu, Guo, Bai, Mei 2023, abstract';

const biasedMeanZero: Rule = {
  code: 'random-feature-attention/zero-mean-bias',
  title: 'The biased arm needs a non-zero mean',
  source: `${ABSTRACT}: "Gaussian random weights with a non-zero mean" vs "the zero-mean counterpart"`,
  check({ model }) {
    if (model.qk_mean > 0) return [];
    return [
      {
        path: ['model', 'qk_mean'],
        target: 'value',
        severity: 'warning',
        message:
          'qk_mean = 0 makes the "biased" arm identical in law to the zero-mean one: the comparison the paper makes disappears.',
        fixes: [
          {
            title: 'Use qk_mean = 1',
            edits: [{ kind: 'setValue', path: ['model', 'qk_mean'], value: 1 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const featuresVsSamples: Rule = {
  code: 'random-feature-attention/features-vs-samples',
  title: 'A sample-complexity curve needs n on both sides of the feature count',
  source: `${ABSTRACT} ("excess risk bounds … with finitely many heads"): the error falls with n until n reaches the number of features`,
  check({ model, data }) {
    const p = model.heads * (data.dim + 1);
    const above = data.samples.filter((n) => n > p).length;
    if (above >= 2) return [];
    return [
      {
        path: ['data', 'samples'],
        target: 'value',
        severity: 'info',
        message: `${model.heads} heads × ${data.dim + 1} give ${fmtInt(p)} features, and only ${above} sample size${above === 1 ? ' is' : 's are'} above that: below it every model nearly interpolates its data and the curves mostly show interpolation noise.`,
      },
    ];
  },
};

const validationSmall: Rule = {
  code: 'random-feature-attention/validation-size',
  title: 'Enough validation examples to choose λ',
  source: 'Ridge λ chosen on held-out data for every model alike (our protocol; the paper fits the values by ridge)',
  check({ data }) {
    if (data.validation >= 200) return [];
    return [
      {
        path: ['data', 'validation'],
        target: 'value',
        severity: 'warning',
        message: `${data.validation} validation examples: the chosen λ will be noisy and can favour one model by chance. Use ≥ 200.`,
        fixes: [
          {
            title: 'Use 1,000',
            edits: [{ kind: 'setValue', path: ['data', 'validation'], value: 1000 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const singleKey: Rule = {
  code: 'random-feature-attention/one-key',
  title: 'Permutation invariance needs several keys',
  source: `${ABSTRACT} ("target functions that are permutation invariant to the key vectors")`,
  check({ data }) {
    if (data.keys > 1) return [];
    return [
      {
        path: ['data', 'keys'],
        target: 'value',
        severity: 'info',
        message:
          "With one key there is nothing to be invariant to: the attention layer's advantage over the MLP (which must learn the symmetry) cannot show.",
      },
    ];
  },
};

export const rules: Rule[] = [biasedMeanZero, featuresVsSamples, validationSmall, singleKey];
