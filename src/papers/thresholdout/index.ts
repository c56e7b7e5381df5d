/** `paper: thresholdout` — Dwork et al., the reusable holdout. No tfjs here (see ../types.ts). */
import { definePaper } from '../../core/paper';
import { ThresholdoutSchema } from './schema';
import { rules } from './rules';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { thresholdoutWork } from './work';

const CODE = 'thresholdout.py (Science supplement; mirrored at andyljones/thresholdout)';

export const thresholdout = definePaper({
  id: 'thresholdout',
  title: 'Preserving Statistical Validity in Adaptive Data Analysis (the reusable holdout)',
  tier: 'A',
  cluster: 'evaluation',
  summary:
    'Reusing one holdout for adaptively chosen queries overfits it; Thresholdout answers through noise and a threshold, and stays honest.',
  claims:
    'When an analyst chooses what to ask next based on earlier answers from the same holdout set, the holdout estimates stop being unbiased: ' +
    'an adaptive feature selection on pure noise can read 60%+ holdout accuracy while fresh data gives 50%. Thresholdout answers a query with ' +
    'the training value when it agrees with the holdout to within a noisy threshold, and with a noisy holdout value otherwise; its answers ' +
    'stay close to the true (fresh-data) values for a number of queries exponential in the holdout size, given a budget of over-threshold answers.',
  citation:
    'Dwork, Feldman, Hardt, Pitassi, Reingold, Roth. Science 349(6248), 2015 ("The reusable holdout"); STOC 2015 for the theory.',
  schema: ThresholdoutSchema,
  rules,
  paperSetting: [
    {
      path: ['data', 'n'],
      value: 10000,
      source: `${CODE}: n = 10000`,
      why: 'Larger n tightens every estimate; T and σ scale as 1/√n.',
    },
    { path: ['data', 'd'], value: 10000, source: `${CODE}: d = 10000` },
    { path: ['data', 'signal_vars'], value: 20, source: `${CODE}: nbiased = 20`, noteDeparture: true },
    { path: ['data', 'signal_bias'], value: 6, source: `${CODE}: bias = 6/sqrt(n)`, noteDeparture: true },
    {
      path: ['analysis', 'selection_filter'],
      value: 1,
      source: `${CODE}: keep |corr| > 1/sqrt(n)`,
      noteDeparture: true,
    },
    { path: ['analysis', 'reps'], value: 100, source: `${CODE}: reps = 100` },
    {
      path: ['thresholdout', 'noise_dist'],
      value: 'gaussian',
      source: `${CODE}: np.random.normal (the paper's algorithm states Laplace noise)`,
    },
  ],
  references,
  figures,
  exampleYaml,
  scaleNote:
    "n = d = 2000 and 20 repetitions instead of the paper's n = d = 10000 and 100, so the curves are noisier and the overfitting gap " +
    "is larger in units of accuracy (it scales like √(k/n)). T and σ keep the paper's 4/√n and 1/√n. The reference marks are our " +
    "notes' re-implementation at this size, not the paper's figure, whose numbers could not be confirmed.",
  work: thresholdoutWork,
  arms: [
    { id: 'thresholdout', label: 'Thresholdout', role: 'method' },
    { id: 'standard', label: 'standard holdout', role: 'control' },
  ],
  keySettings: [
    { label: 'n', path: ['data', 'n'] },
    { label: 'd', path: ['data', 'd'] },
    { label: 'reps', path: ['analysis', 'reps'] },
    { label: 'noise', path: ['thresholdout', 'noise_dist'] },
    { label: 'threshold', path: ['thresholdout', 'threshold'] },
  ],
});
