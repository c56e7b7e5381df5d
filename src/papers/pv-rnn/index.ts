/** A Novel Predictive-Coding-Inspired Variational RNN Model for Online Prediction and Recognition (2019). Schema only. */
import { definePaper } from '../../core/paper';
import { pvrnnSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const pvRnn = definePaper({
  id: 'pv-rnn',
  title: 'A Novel Predictive-Coding-Inspired Variational RNN Model for Online Prediction and Recognition',
  tier: 'B',
  cluster: 'sequence models',
  summary:
    'The meta-prior (weight on the KL term) controls how stochastic a variational RNN is: high values give deterministic chaos, low values a random process, intermediate values generalize best.',
  claims:
    "PV-RNN learns the probabilistic structure of fluctuating sequences by changing the stochasticity of its latent states. Adaptive vectors mirror the training data, prediction errors rather than inputs carry information about the data to the latents, and error regression infers latents for unseen sequences. The meta-prior balances the two terms of the lower bound: with high values the network imitates the data's randomness by deterministic chaos, with low values it behaves as a random process, and it performs best at intermediate values. Error regression improves prediction over a standard variational Bayes model on a robot imitation task.",
  citation:
    'Ahmadreza Ahmadi, Jun Tani. A Novel Predictive-Coding-Inspired Variational RNN Model for Online Prediction and Recognition. Neural Computation 31(11), 2019.',
  schema: pvrnnSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    'Not trained yet. The planned setting is sequences of a 2-state probabilistic automaton and a small two-layer network; the readout would be how well generated sequences reproduce the switching statistics at each meta-prior, and prediction error with and without error regression.',
  needs: ['VRNN'],
  arms: [
    { id: 'pvrnn', label: 'PV-RNN with error regression', role: 'method' },
    { id: 'no_error_regression', label: 'prediction from the prior alone', role: 'control' },
  ],
  keySettings: [
    { label: 'w', path: ['meta_priors'] },
    { label: 'τ', path: ['model', 'tau'] },
    { label: 'seqs', path: ['data', 'sequences'] },
    { label: 'iters', path: ['train', 'iterations'] },
  ],
});
