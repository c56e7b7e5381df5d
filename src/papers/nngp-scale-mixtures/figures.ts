/**
 * The figures: the output distribution of random networks at one input against the laws predicted
 * (sample.py's "Correspondence" figure), and test NLL of the two posteriors as outliers and input
 * shift grow. Events: summaries { arm, part: 'sample', network } with `output`; { arm, part: 'prior' } and
 * { arm, part: 'regression', sweep, outlier_fraction | shift }.
 */
import type { FigureSpec } from '../../core/figures/spec';

const nll = {
  source: { kind: 'value' as const, key: 'nll' },
  label: 'test NLL (nats per point)',
  scale: 'linear' as const,
};

export const figures: FigureSpec[] = [
  {
    id: 'nngp-outputs',
    title: 'Outputs of random networks at one input',
    paperFigure: 'sample.py "Correspondence"',
    caption:
      "Histogram of the outputs of random erf networks (3 × 512) at x ≈ 0.08. With the last-layer variance ~ InvGamma(α, β) the paper predicts a Student-t with ν = 2α (dashed, same colour); with a fixed variance, the NNGP's Gaussian. The dotted Gaussian has the same variance as the inverse-gamma samples: heavy tails show as a taller peak and fatter tails than it.",
    kind: 'histogram',
    x: { source: { kind: 'value', key: 'output' }, label: 'network output', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'density' }, label: 'density', scale: 'linear' }],
    lineBy: ['arm'],
    histogram: {
      bins: 50,
      overlays: [
        { family: 'student_t', label: 'paper: Student-t, ν = 2α', params: { df: 't_df', scale: 't_scale' } },
        { family: 'normal', label: 'Gaussian, same variance', params: { scale: 'matched_sd' } },
        { family: 'normal', label: 'NNGP: Gaussian', params: { scale: 'nngp_sd' } },
      ],
    },
  },
  {
    id: 'nngp-nll-outliers',
    title: 'Test NLL vs fraction of outliers',
    caption:
      'Posterior predictive NLL on test targets, with the same fraction of training and test targets corrupted by large noise. invgamma = Student-t process (inverse-gamma prior on the last-layer variance), nngp = fixed last-layer variance. Lower is better.',
    kind: 'summary',
    x: {
      source: { kind: 'tag', tag: 'outlier_fraction' },
      label: 'fraction of outlier targets',
      scale: 'linear',
      percent: true,
    },
    y: [nll],
    lineBy: ['arm'],
    filter: { sweep: 'outliers' },
    references: ['nngp-ood-outliers'],
  },
  {
    id: 'nngp-nll-shift',
    title: 'Test NLL vs input shift',
    caption:
      'Test inputs drawn from N(0, s²I) against training inputs from N(0, I): out-of-distribution as s grows. Lower is better.',
    kind: 'summary',
    x: { source: { kind: 'tag', tag: 'shift' }, label: 'test input scale s', scale: 'linear' },
    y: [nll],
    lineBy: ['arm'],
    filter: { sweep: 'shift' },
    references: ['nngp-ood-shift'],
  },
];
