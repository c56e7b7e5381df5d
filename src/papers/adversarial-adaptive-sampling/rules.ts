/** What the adversarial-adaptive-sampling schema cannot say. */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { fmtInt } from '../common/rules';
import type { AasConfig } from './schema';

type Rule = PaperRule<AasConfig>;

const ABSTRACT = 'Tang et al. 2024, abstract';

const smooth: Rule = {
  code: 'adversarial-adaptive-sampling/relu-laplacian',
  title: 'The residual of a second-order PDE needs a twice-differentiable network',
  source: `${ABSTRACT} ("the residual induced by the approximate PDE solution"); −Δu has second derivatives`,
  check({ model }) {
    if (model.activation !== 'relu') return [];
    return [
      {
        path: ['model', 'activation'],
        target: 'value',
        severity: 'error',
        message:
          'A ReLU network is piecewise linear: its Laplacian is 0 almost everywhere, so the Poisson residual cannot be trained. Use tanh (or sin).',
        fixes: [
          {
            title: 'Use tanh',
            edits: [{ kind: 'setValue', path: ['model', 'activation'], value: 'tanh' }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const resample: Rule = {
  code: 'adversarial-adaptive-sampling/never-resampled',
  title: 'Adaptive samplers must move their points during training',
  source: `${ABSTRACT} ("optimize simultaneously the approximate solution … and the random samples in the training set")`,
  check({ collocation, train, arms }) {
    if (collocation.resample_every < train.iterations || !arms.some((a) => a !== 'uniform')) return [];
    return [
      {
        path: ['collocation', 'resample_every'],
        target: 'value',
        severity: 'error',
        message: `resample_every (${fmtInt(collocation.resample_every)}) is not shorter than training (${fmtInt(train.iterations)} steps): the adaptive arms would never move a point and would be uniform sampling.`,
        fixes: [
          {
            title: `Resample every ${fmtInt(Math.max(1, Math.floor(train.iterations / 10)))} steps`,
            edits: [
              {
                kind: 'setValue',
                path: ['collocation', 'resample_every'],
                value: Math.max(1, Math.floor(train.iterations / 10)),
              },
            ],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const sharp: Rule = {
  code: 'adversarial-adaptive-sampling/not-sharp',
  title: 'Adaptive sampling pays off when uniform points miss the sharp feature',
  source: `${ABSTRACT} (the statistical error of random samples "may become the dominant error"); research notes next-batches.md B15 (a sharp peak)`,
  check({ pde, collocation, arms }) {
    const out: RuleFinding[] = [];
    // Uniform points on [−1, 1]² (area 4) that land within one peak width 1/√sharpness of the centre.
    const inPeak = (collocation.interior * Math.PI) / pde.sharpness / 4;
    if (inPeak > 100)
      out.push({
        path: ['pde', 'sharpness'],
        target: 'value',
        severity: 'warning',
        message: `About ${fmtInt(Math.round(inPeak))} of ${fmtInt(collocation.interior)} uniform points already fall in the peak (sharpness ${pde.sharpness}): uniform sampling resolves it, and the samplers will barely differ.`,
      });
    if (!arms.includes('uniform'))
      out.push({
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message: 'Without `uniform` there is no fixed-sampling PINN to measure the error reduction against.',
      });
    return out;
  },
};

export const rules: Rule[] = [smooth, resample, sharp];
