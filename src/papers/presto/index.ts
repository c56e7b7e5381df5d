/** `paper: presto` — Faletto & Bien, PRESTO. No tfjs here: the editor and the CLI load it. */
import { definePaper } from '../../core/paper';
import { prestoSchema } from './schema';
import { rules } from './rules';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { prestoWork } from './work';

const SIM = 'gregfaletto/presto, 4_1_sparse_diffs.R';
const METHODS = 'gregfaletto/presto, Simulations/method_functions.R (getLambdaFusedPolr)';

export const presto = definePaper({
  id: 'presto',
  title: 'Predicting Rare Events by Shrinking Towards Proportional Odds',
  tier: 'B',
  cluster: 'statistics',
  summary:
    'Separate ordinal boundaries shrunk towards proportional odds (L1 on adjacent differences) estimate rare-event probabilities better than either extreme.',
  claims:
    'When a rare outcome is the last step of a sequence of common ones (K ordered classes, the last rare), the earlier boundaries carry information about the rare one. ' +
    'Proportional odds shares one weight vector across boundaries and is biased when they differ; logistic regression on the rare class alone uses only its few events. ' +
    'PRESTO gives each boundary its own weights with an L1 penalty on the differences between adjacent ones, and in the sparse-differences simulation (§4.1) estimates P(y = K | x) with lower MSE than both.',
  citation:
    'Faletto, Bien. Predicting Rare Events by Shrinking Towards Proportional Odds. ICML 2023 (PMLR 202:9547–9602).',
  schema: prestoSchema,
  rules,
  paperSetting: [
    {
      path: ['data', 'n'],
      value: 2500,
      source: `${SIM}: n = 2500`,
      noteDeparture: true,
      why: 'Fewer observations leave fewer rare events.',
    },
    { path: ['data', 'p'], value: 10, source: `${SIM}: p = 10` },
    { path: ['data', 'classes'], value: 4, source: `${SIM}: K = 4` },
    {
      path: ['data', 'intercepts'],
      value: [
        [0, 3, 5],
        [0, 3.5, 5.5],
        [0, 4, 6],
      ],
      source: `${SIM}: intcpt_list`,
    },
    { path: ['data', 'beta'], value: 1, source: `${SIM}: beta = rep(1, 20)` },
    { path: ['data', 'dev_size'], value: 0.5, source: `${SIM}: dev_size = .5`, noteDeparture: true },
    { path: ['data', 'dev_prob'], value: 0.3333, source: `${SIM}: dev_prob = 1/3` },
    { path: ['replications'], value: 100, source: `${SIM}: nsim = 100`, why: 'More replications narrow the mean MSE.' },
    { path: ['fit', 'lambdas'], value: 20, source: `${METHODS}: nLambda = 20` },
    { path: ['fit', 'lambda_min_ratio'], value: 0.01, source: `${METHODS}: lambdaMinRatio = .01` },
  ],
  references,
  figures,
  exampleYaml,
  scaleNote:
    "The paper's simulation at its own size (n = 2500, p = 10, K = 4, its three intercept settings), with 20 replications per setting (per seed) instead of 100. " +
    "PRESTO is fitted by our proximal Newton solver rather than the authors' modified ordinalNet, and λ is chosen by 5-fold cross-validation on held-out log-likelihood (the code's tuning routine was not read in full).",
  work: prestoWork,
  arms: [
    { id: 'presto', label: 'PRESTO (L1 on adjacent differences)', role: 'method' },
    { id: 'proportional_odds', label: 'proportional odds', role: 'control' },
    { id: 'logistic', label: 'logistic regression on the rare class', role: 'control' },
  ],
  keySettings: [
    { label: 'n', path: ['data', 'n'] },
    { label: 'reps', path: ['replications'] },
    { label: 'dev size', path: ['data', 'dev_size'] },
    { label: 'K', path: ['data', 'classes'] },
    { label: 'folds', path: ['fit', 'folds'] },
  ],
});
