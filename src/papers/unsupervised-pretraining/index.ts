/** On the Provable Advantage of Unsupervised Pretraining (Ge, Tang, Fan, Jin, ICLR 2024). No tfjs here. */
import { definePaper } from '../../core/paper';
import { PretrainingSchema } from './schema';
import { rules } from './rules';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { pretrainingWork } from './work';

const ABSTRACT = 'Ge et al. 2024, abstract';

export const unsupervisedPretraining = definePaper({
  id: 'unsupervised-pretraining',
  title: 'On the Provable Advantage of Unsupervised Pretraining',
  tier: 'B',
  cluster: 'theory',
  summary:
    'MLE pretraining on m unlabelled samples then ERM on n labels beats supervised learning alone when m ≫ n: excess risk O(C_Φ/m + C_Ψ/n) vs O(C_{Φ∘Ψ}/n).',
  claims:
    'With a latent-variable model class Φ fitted by maximum likelihood on m unlabelled samples and a downstream class Ψ fitted by empirical risk minimization on n labels, the downstream excess risk is O(C_Φ/m + C_Ψ/n) under a mild "informative" condition, against O(C_{Φ∘Ψ}/n) for supervised learning on the labels alone: pretraining helps when m ≫ n and C_{Φ∘Ψ} > C_Ψ. The framework covers factor models, Gaussian mixtures and contrastive learning.',
  citation:
    'Jiawei Ge, Shange Tang, Jianqing Fan, Chi Jin. On the Provable Advantage of Unsupervised Pretraining. ICLR 2024.',
  schema: PretrainingSchema,
  rules,
  paperSetting: [
    {
      path: ['pretrain', 'method'],
      value: 'pca',
      source: `${ABSTRACT} (MLE for pretraining); for the isotropic factor model the MLE subspace is PCA's (Tipping & Bishop 1999)`,
      why: 'The paper analyses maximum-likelihood pretraining; PCA is that estimator here.',
    },
  ],
  references,
  figures,
  exampleYaml,
  scaleNote:
    "A synthetic factor model of our choosing (d = 100, r = 5, weak factors): the paper's theorem is a bound with unknown constants and its own experiments could not be read, so we test the predicted orderings and rates (pretrained below supervised while m ≫ n, ~1/n in n, ~1/m in m), not its numbers.",
  arms: [
    { id: 'pretrain', label: 'PCA pretraining + least squares', role: 'method' },
    { id: 'supervised', label: 'ridge on x (labels only)', role: 'control' },
    { id: 'oracle', label: 'true factor subspace (m = ∞)', role: 'control' },
    // Not trained: the recipe's one summary of the task itself (its Bayes risk, the floor every arm's risk is measured from).
    { id: 'task', label: 'the task (Bayes risk)', role: 'control' },
  ],
  keySettings: [
    { label: 'd', path: ['model', 'd'] },
    { label: 'r', path: ['model', 'r'] },
    { label: 'strength', path: ['model', 'factor_strength'] },
    { label: 'm', path: ['data', 'unlabeled'] },
    { label: 'reps', path: ['data', 'reps'] },
  ],
  work: pretrainingWork,
});
