/** `paper: quantile-aggregation` — Fakoor et al., flexible aggregation of quantile regressors. No tfjs here. */
import { definePaper } from '../../core/paper';
import { quantileAggregationSchema } from './schema';
import { rules } from './rules';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { quantileAggregationWork } from './work';

const BASE = 'amazon-science/quantile-aggregation, nested_base_quantile_models.py';
const AGGR = 'amazon-science/quantile-aggregation, nested_aggr_quantile_models.py';

export const quantileAggregation = definePaper({
  id: 'quantile-aggregation',
  title: 'Flexible Model Aggregation for Quantile Regression',
  tier: 'B',
  cluster: 'uncertainty',
  summary:
    'Weights that vary over quantile levels aggregate quantile regressors better than uniform averaging; post-sorting never hurts, conformal calibration restores coverage.',
  claims:
    'Rather than a new quantile regressor, the paper aggregates several: a convex combination whose weights may vary over base models, over quantile levels and over features, fitted by the pinball loss on held-out predictions. ' +
    'Aggregated quantiles can cross; sorting each point’s quantiles (or isotonic regression) can only improve the weighted interval score, and conformal calibration gives intervals their nominal coverage. ' +
    'Across 34 benchmark data sets the flexible aggregates beat uniform averaging and the best single model.',
  citation:
    'Fakoor, Kim, Mueller, Smola, Tibshirani. Flexible Model Aggregation for Quantile Regression. arXiv 2103.00083 (2021).',
  schema: quantileAggregationSchema,
  rules,
  paperSetting: [
    {
      path: ['levels'],
      value: 99,
      source: `${BASE}: QUANTILE_LIST = np.arange(1, 100, 1) / 100.0`,
      noteDeparture: true,
      why: 'The authors score 99 levels, 1% … 99%; fewer levels make a coarser WIS and cheaper fits.',
    },
  ],
  references,
  figures,
  exampleYaml,
  scaleNote:
    'A stand-in: a synthetic heteroscedastic, skewed regression (sin(πx₁) + x₂/2 plus χ²₃ noise whose sd grows 4× across x₁) instead of the paper’s 34 benchmark data sets, four small base models of our own (linear quantile regression, k-NN, a conditional Gaussian, a random-feature network with a multi-quantile head) instead of its seven, 19 levels instead of 99, and one validation split instead of nested 5-fold out-of-fold predictions. ' +
    `Weights are fitted by full-batch Adam on the pinball loss without the authors’ regularization (${AGGR}: regularization_strength = 0.1, whose form we did not read).`,
  work: quantileAggregationWork,
  arms: [
    { id: 'level_weighted', label: 'weights per model and quantile level', role: 'method' },
    { id: 'model_weighted', label: 'one weight per model', role: 'control' },
    { id: 'uniform', label: 'uniform average', role: 'control' },
    { id: 'best_base', label: 'best base model (chosen on validation)', role: 'control' },
    { id: 'base', label: 'each base model alone', role: 'control' },
  ],
  keySettings: [
    { label: 'levels', path: ['levels'] },
    { label: 'reps', path: ['replications'] },
    { label: 'train', path: ['data', 'train'] },
    { label: 'noise', path: ['data', 'noise'] },
    { label: 'hetero', path: ['data', 'hetero'] },
  ],
});
