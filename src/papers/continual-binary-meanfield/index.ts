/** Statistical mechanics of continual learning: variational principle and mean-field potential. Schema only. */
import { definePaper } from '../../core/paper';
import { continualSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const continualBinaryMeanfield = definePaper({
  id: 'continual-binary-meanfield',
  title: 'Statistical mechanics of continual learning: variational principle and mean-field potential',
  tier: 'B',
  cluster: 'continual learning',
  summary:
    "Training binary-weight networks in field space with the previous task's posterior as prior forgets less than metaplasticity; perceptron learning curves match the Franz–Parisi mean-field prediction.",
  claims:
    'Continual learning of binary-weight networks is cast as variational Bayesian learning in field space, where weight uncertainty modulates synaptic resources among tasks. For the binary perceptron in a teacher-student setting it becomes a Franz–Parisi potential computation whose mean-field predictions match SGD simulations. With a Gaussian approximation of hidden pre-activations the same principle gives a learning rule for multi-layer binary networks that performs better than metaplasticity.',
  citation:
    'Chan Li, Zhenye Huang, Wenxuan Zou, Haiping Huang. Statistical mechanics of continual learning: variational principle and mean-field potential. Physical Review E, 2023 (arXiv 2212.02846).',
  schema: continualSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    'Not trained yet. The planned run is 3-task permuted MNIST with a binary 784-512-10 network; the readout would be the accuracy matrix and the average accuracy after the last task, mean-field learning against metaplasticity.',
  needs: ['SPIN', 'CL'],
  arms: [
    { id: 'meanfield', label: 'mean-field, field-space learning', role: 'method' },
    { id: 'metaplastic', label: 'metaplasticity', role: 'control' },
    { id: 'naive_bnn', label: 'binary network, no protection', role: 'control' },
  ],
  keySettings: [
    { label: 'tasks', path: ['data', 'tasks'] },
    { label: 'hidden', path: ['model', 'hidden'] },
    { label: 'prior', path: ['meanfield', 'prior_weight'] },
    { label: 'm', path: ['metaplastic', 'm'] },
  ],
});
