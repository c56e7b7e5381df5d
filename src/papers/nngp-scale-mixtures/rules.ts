/** What the scale-mixture setting implies across fields, each citing the paper's code or the theory it rests on. */
import type { PaperRule } from '../../core/paper';
import { fmtInt } from '../common/rules';
import type { NngpConfig } from './schema';

type Rule = PaperRule<NngpConfig>;
const SAMPLE = 'yuneg11/Scale-Mixtures-of-NNGP experiments/sample.py';
const REGRESSION = 'yuneg11/Scale-Mixtures-of-NNGP experiments/regression.py';

const infiniteVariance: Rule = {
  code: 'nngp-scale-mixtures/infinite-variance',
  title: 'With α ≤ 1 the predicted Student-t has no variance',
  source: `${SAMPLE}: nu = 2 * alpha (the output is Student-t with ν = 2α)`,
  check({ prior }) {
    if (prior.alpha > 1) return [];
    return [
      {
        path: ['prior', 'alpha'],
        target: 'value',
        severity: 'info',
        message: `α = ${prior.alpha} gives ν = ${2 * prior.alpha} ≤ 2: the outputs have infinite variance, so "a Gaussian of the same variance" (the comparison law) is not defined and the sample variance never settles.`,
        fixes: [
          {
            title: 'Use α = 2 (ν = 4), the README example',
            edits: [{ kind: 'setValue', path: ['prior', 'alpha'], value: 2 }],
          },
        ],
      },
    ];
  },
};

const enoughNetworks: Rule = {
  code: 'nngp-scale-mixtures/enough-networks',
  title: 'Enough networks for a distribution test',
  source: `${SAMPLE}: --ensemble-size default 1000`,
  check({ prior }) {
    if (prior.networks >= 300) return [];
    return [
      {
        path: ['prior', 'networks'],
        target: 'value',
        severity: 'warning',
        message: `${fmtInt(prior.networks)} networks: a KS test this small rarely tells a Student-t with ν = ${2 * prior.alpha} from a Gaussian (the code draws 1,000).`,
        fixes: [
          {
            title: 'Draw 1,000 networks, as the code',
            edits: [{ kind: 'setValue', path: ['prior', 'networks'], value: 1000 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const inputIndex: Rule = {
  code: 'nngp-scale-mixtures/input-index',
  title: 'The input read must exist',
  source: `${SAMPLE}: --test-num 40, --figure-index 20`,
  check({ prior }) {
    if (prior.input_index < prior.inputs) return [];
    return [
      {
        path: ['prior', 'input_index'],
        target: 'value',
        severity: 'error',
        message: `input_index ${prior.input_index} is past the last of ${prior.inputs} inputs (indices 0–${prior.inputs - 1}).`,
        fixes: [
          {
            title: `Read the middle input (${Math.floor(prior.inputs / 2)})`,
            edits: [{ kind: 'setValue', path: ['prior', 'input_index'], value: Math.floor(prior.inputs / 2) }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const narrow: Rule = {
  code: 'nngp-scale-mixtures/narrow-network',
  title: 'The correspondence is an infinite-width limit',
  source: 'Lee et al. 2022, abstract ("infinitely-wide neural networks"); sample.py uses width 512',
  check({ prior }) {
    if (prior.width >= 128) return [];
    return [
      {
        path: ['prior', 'width'],
        target: 'value',
        severity: 'info',
        message: `Width ${prior.width}: finite-width corrections may be visible in the output distribution, and a KS test may reject the predicted law for that reason alone (the code uses 512).`,
      },
    ];
  },
};

const oddErf: Rule = {
  code: 'nngp-scale-mixtures/odd-kernel',
  title: 'Without biases an erf NNGP only holds odd functions',
  source: `${REGRESSION}: -bv default 0 with -act erf (datasets there are standardized)`,
  check({ regression }) {
    if (!regression.enabled || regression.b_var > 0 || regression.activation !== 'erf') return [];
    return [
      {
        path: ['regression', 'b_var'],
        target: 'value',
        severity: 'warning',
        message:
          'b_var = 0 with erf: every function of this NNGP satisfies f(−x) = −f(x), so a target that is not odd (ours is not) cannot be fitted and both predictives are poor for that reason.',
        fixes: [
          {
            title: 'Use b_var = 0.1',
            edits: [{ kind: 'setValue', path: ['regression', 'b_var'], value: 0.1 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const epsilon: Rule = {
  code: 'nngp-scale-mixtures/epsilon',
  title: 'The diagonal regularization stays small',
  source: `${REGRESSION}: epsilon = 10^(−6 + e/2) with e = 8 by default → 0.01`,
  check({ regression }) {
    if (!regression.enabled || regression.tune || regression.epsilon <= 0.1) return [];
    return [
      {
        path: ['regression', 'epsilon'],
        target: 'value',
        severity: 'warning',
        message: `ε = ${regression.epsilon} of the mean diagonal smooths the posterior heavily (the code's default is 0.01): both predictives then underfit.`,
        fixes: [
          {
            title: 'Use ε = 0.01, the code default',
            edits: [{ kind: 'setValue', path: ['regression', 'epsilon'], value: 0.01 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [infiniteVariance, enoughNetworks, inputIndex, narrow, oddErf, epsilon];
