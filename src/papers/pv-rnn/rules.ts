/** What the pv-rnn schema cannot say. */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { evalAfterEnd } from '../common/rules';
import type { PvrnnConfig } from './schema';

type Rule = PaperRule<PvrnnConfig>;

const ABSTRACT = 'Ahmadi & Tani 2019, abstract';

const layers: Rule = {
  code: 'pv-rnn/layer-lists',
  title: 'Every layer has deterministic units, latent units and a time constant, slower going up',
  source: 'Ahmadi & Tani 2019 (a multiple-timescale RNN: higher layers have larger time constants)',
  check({ model }) {
    const out: RuleFinding[] = [];
    const n = model.d_units.length;
    if (model.z_units.length !== n || model.tau.length !== n) {
      out.push({
        path: ['model', 'z_units'],
        target: 'value',
        severity: 'error',
        message: `d_units has ${n} layer${n > 1 ? 's' : ''}, z_units ${model.z_units.length} and tau ${model.tau.length}: give each layer one value in each list.`,
      });
      return out;
    }
    const slower = model.tau.findIndex((t, i) => i > 0 && t <= model.tau[i - 1]);
    if (slower > 0)
      out.push({
        path: ['model', 'tau', slower],
        target: 'value',
        severity: 'warning',
        message: `Layer ${slower + 1}'s time constant (${model.tau[slower]}) is not larger than layer ${slower}'s (${model.tau[slower - 1]}): the higher layer would not be the slower one, so the hierarchy of timescales is lost.`,
      });
    return out;
  },
};

const sweep: Rule = {
  code: 'pv-rnn/meta-prior-sweep',
  title: 'The meta-prior claim needs low, intermediate and high values',
  source: `${ABSTRACT} ("with high values of the meta-prior the network develops deterministic chaos … For low values, the model behaves as a random process. The network performs best on intermediate values")`,
  check({ meta_priors }) {
    const distinct = new Set(meta_priors).size;
    if (distinct >= 3) return [];
    return [
      {
        path: ['meta_priors'],
        target: 'value',
        severity: 'warning',
        message: `${distinct} meta-prior value${distinct > 1 ? 's' : ''} cannot show the paper's shape (best at intermediate w): sweep at least three, e.g. [0.0001, 0.01, 1].`,
        fixes: [
          {
            title: 'Sweep 1e-4 … 1',
            edits: [{ kind: 'setValue', path: ['meta_priors'], value: [1e-4, 1e-3, 1e-2, 1e-1, 1] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const window: Rule = {
  code: 'pv-rnn/regression-window',
  title: 'The error-regression window fits in a sequence, and error regression is compared without it',
  source: `${ABSTRACT} ("better prediction performance … using error regression compared to a standard variational Bayes model lacking such a procedure")`,
  check({ error_regression, data, arms }) {
    const out: RuleFinding[] = [];
    if (error_regression.window >= data.length)
      out.push({
        path: ['error_regression', 'window'],
        target: 'value',
        severity: 'error',
        message: `A window of ${error_regression.window} steps does not fit in sequences of ${data.length}: nothing would be left to predict.`,
      });
    if (arms.includes('pvrnn') && !arms.includes('no_error_regression'))
      out.push({
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message: 'Without `no_error_regression` nothing shows what error regression adds to prediction.',
      });
    return out;
  },
};

export const rules: Rule[] = [layers, sweep, window, evalAfterEnd];
