/** Towards Exact Computation of Inductive Bias (Boopathy et al., IJCAI 2024). No tfjs here. */
import { definePaper } from '../../core/paper';
import { InductiveBiasSchema } from './schema';
import { rules } from './rules';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { inductiveBiasWork } from './work';

const CODE = 'FieteLab/Exact-Inductive-Bias';

export const inductiveBias = definePaper({
  id: 'inductive-bias',
  title: 'Towards Exact Computation of Inductive Bias',
  tier: 'A',
  cluster: 'theory',
  summary:
    'The information needed to pick a well-generalizing hypothesis, −log P(error ≤ ε) over hypotheses that fit the training data, computed from sampled hypotheses: larger for harder tasks and for less suitable hypothesis spaces.',
  claims:
    'Inductive bias — the information required to generalize on a task with a fixed training-data budget — is estimated directly, without bounds, by sampling hypotheses from a hypothesis space that fit the training data, modelling their test errors (a scaled noncentral χ²) and reading the probability that a hypothesis reaches the target error. Higher-dimensional tasks require greater inductive bias; neural networks as a model class encode large amounts of inductive bias relative to other hypothesis spaces (a kernel space here).',
  citation:
    'Akhilan Boopathy, William Yue, Jaedong Hwang, Abhiram Iyer, Ila Fiete. Towards Exact Computation of Inductive Bias. IJCAI 2024.',
  schema: InductiveBiasSchema,
  rules,
  paperSetting: [
    {
      path: ['nn', 'lr'],
      value: 0.001,
      source: `${CODE} nn_inductive_bias.py L87 (optim.Adam(model.parameters(), lr=0.001))`,
      why: "The code's optimizer for every sampled network.",
    },
    {
      path: ['kernel', 'sigma'],
      value: 1,
      source: `${CODE} kernel_inductive_bias.py L25 (rbf_kernel(A, B, sigma=1.0))`,
      why: 'The RBF length scale: it decides which functions the kernel space favours. Ours applies to inputs rescaled to mean squared norm 1.',
    },
    {
      path: ['kernel', 'samples'],
      value: 10_000,
      noteDeparture: true,
      source: `${CODE} kernel_inductive_bias.py L173 (num_samples=10000)`,
      why: 'More samples pin the fitted distribution down better; 200 per task keep the run to minutes.',
    },
  ],
  references,
  figures,
  exampleYaml,
  scaleNote:
    'Small hypothesis samples (50 networks trained 2 epochs and 200 kernel functions per task, on 1,000 training and 1,000 test images) stand in for the paper’s; the networks do not interpolate their training data, the kernel space is the exact GP posterior rather than the code’s Adam fit of it, and the paper’s own values could not be read, so directions are compared, not numbers.',
  arms: [
    { id: 'nn', label: 'neural-network hypotheses (MLPs trained on the data)', role: 'method' },
    { id: 'kernel', label: 'RBF-kernel hypotheses (GP posterior functions)', role: 'control' },
  ],
  keySettings: [
    { label: 'tasks', path: ['data', 'datasets'] },
    { label: 'n', path: ['data', 'train'] },
    { label: 'nets', path: ['nn', 'trials'] },
    { label: 'epochs', path: ['nn', 'epochs'] },
    { label: 'σ', path: ['kernel', 'sigma'] },
  ],
  work: inductiveBiasWork,
});
