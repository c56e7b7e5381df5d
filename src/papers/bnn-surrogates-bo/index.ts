/** A Study of Bayesian Neural Network Surrogates for Bayesian Optimization (ICLR 2024). Schema only. */
import { definePaper } from '../../core/paper';
import { boSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const bnnSurrogatesBo = definePaper({
  id: 'bnn-surrogates-bo',
  title: 'A Study of Bayesian Neural Network Surrogates for Bayesian Optimization',
  tier: 'B',
  cluster: 'optimization',
  summary:
    'Which surrogate wins in Bayesian optimization depends on the problem: GPs are strong in low dimensions, infinite-width BNNs in high dimensions, and deep kernel learning is competitive.',
  claims:
    'BNN surrogates — HMC, stochastic-gradient MCMC, deep ensembles, infinite-width BNNs and deep kernel learning — are compared with standard GPs across problems of varying dimension, number of objectives, non-stationarity and input types. The ranking of methods is highly problem dependent; HMC is the best inference for fully stochastic BNNs; full stochasticity may be unnecessary, as deep kernel learning is competitive; infinite-width BNNs are particularly promising in high dimensions.',
  citation:
    'Yucen Lily Li, Tim G. J. Rudner, Andrew Gordon Wilson. A Study of Bayesian Neural Network Surrogates for Bayesian Optimization. ICLR 2024.',
  schema: boSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    'Not run yet. The planned study is Branin and a 20-D function with 40 evaluations and four surrogates (no HMC, no deep kernel learning); the readout would be simple regret against evaluations over seeds.',
  needs: ['BO'],
  arms: [
    { id: 'nngp', label: 'infinite-width BNN (NNGP)', role: 'method' },
    { id: 'deep_ensemble', label: 'deep ensemble', role: 'method' },
    { id: 'gp', label: 'GP', role: 'control' },
    { id: 'random_search', label: 'random search', role: 'control' },
  ],
  keySettings: [
    { label: 'f', path: ['problem', 'function'] },
    { label: 'dim', path: ['problem', 'dim'] },
    { label: 'evals', path: ['bo', 'evaluations'] },
    { label: 'acq', path: ['bo', 'acquisition'] },
  ],
});
