/** How connectivity structure shapes rich and lazy learning in neural circuits (Liu et al., ICLR 2024). No tfjs here. */
import { definePaper } from '../../core/paper';
import { ConnectivityRankSchema } from './schema';
import { rules } from './rules';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { connectivityRankWork } from './work';

const CODE = 'BioRNN_RichLazy main.py';

export const connectivityRank = definePaper({
  id: 'connectivity-rank',
  title: 'How connectivity structure shapes rich and lazy learning in neural circuits',
  tier: 'A',
  cluster: 'dynamics',
  summary:
    'At equal initial weight norm, low-rank recurrent connectivity learns richer (larger weight and tangent-kernel change) than full-rank random connectivity, unless the low-rank structure is aligned with the task.',
  claims:
    'High-rank initializations typically yield smaller network changes, indicative of lazier learning — found in two-layer linear analysis and in recurrent networks, including experimentally derived connectivity. Low-rank initialization biases learning towards richer learning. As an exception, lazier learning can still occur with a low-rank initialization that aligns with task and data statistics. Laziness is measured by the change of the recurrent weights, and the alignment of the tangent kernel and of the representation before and after training.',
  citation:
    'Yuhan Helena Liu, Aristide Baratin, Jonathan Cornford, Stefan Mihalas, Eric Shea-Brown, Guillaume Lajoie. How connectivity structure shapes rich and lazy learning in neural circuits. ICLR 2024.',
  schema: ConnectivityRankSchema,
  rules,
  paperSetting: [
    {
      path: ['model', 'gain'],
      value: 1.25,
      noteDeparture: true,
      source: `${CODE} L39 (--W0sig default 1.25)`,
      why: 'The gain sets ‖W₀‖_F, the norm every rank is rescaled to; the rich/lazy regime also depends on the initial scale.',
    },
    {
      path: ['train', 'lr'],
      value: 0.003,
      noteDeparture: true,
      source: `${CODE} L36 (--learning_rate0 default 0.003) and L284 (SGD, momentum 0.9)`,
      why: 'The amount of weight change after a fixed number of steps scales with the learning rate.',
    },
    {
      path: ['train', 'momentum'],
      value: 0.9,
      source: `${CODE} L284 (optim.SGD(..., momentum=0.9))`,
      why: "The code's optimizer.",
    },
    {
      path: ['train', 'iterations'],
      value: 10_000,
      noteDeparture: true,
      source: `${CODE} L31 (--n_iter default 10000)`,
      why: 'We train 2,000 steps to fit the 10-minute budget; the measures are taken at the end of training.',
    },
    {
      path: ['model', 'hidden'],
      value: 300,
      noteDeparture: true,
      source: `${CODE} L40 (--hidden_size default 300)`,
      why: 'We use N = 100; the code sweeps ranks [1, 30, N] below N = 150 and [1, 30, 100, N] up to 500.',
    },
    {
      path: ['task', 'batch_size'],
      value: 32,
      source: `${CODE} L56 (batch_size = 32 for the neurogym tasks)`,
      why: "The code's batch.",
    },
  ],
  references,
  figures,
  exampleYaml,
  scaleNote:
    "A smaller network and shorter training than the paper's code (N = 100 and 2,000 steps against 300 and 10,000), on our own generator of the 2AF task shaped after neurogym's; the aligned rank-1 arm is our construction for the RNN (the paper's aligned case is its two-layer linear analysis), and the paper reports its RNN results as figures without numbers, so orderings are what is compared.",
  arms: [
    { id: 'random', label: 'random W₀ truncated to rank r (r = N: full rank)', role: 'method' },
    { id: 'aligned', label: 'rank-1 W₀ aligned with the task (input evidence → readout)', role: 'control' },
  ],
  keySettings: [
    { label: 'ranks', path: ['model', 'ranks'] },
    { label: 'N', path: ['model', 'hidden'] },
    { label: 'steps', path: ['train', 'iterations'] },
    { label: 'lr', path: ['train', 'lr'] },
    { label: 'g', path: ['model', 'gain'] },
  ],
  work: connectivityRankWork,
});
