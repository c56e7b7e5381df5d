/** `paper: dense-hebbian` — Agliari et al. No tfjs here. */
import { definePaper } from '../../core/paper';
import { denseHebbianSchema } from './schema';
import { rules } from './rules';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { denseHebbianWork } from './work';

export const denseHebbian = definePaper({
  id: 'dense-hebbian',
  title: 'Dense Hebbian neural networks: a replica symmetric picture of supervised learning',
  tier: 'B',
  cluster: 'theory',
  summary:
    'P-body Hebbian networks trained on noisy examples retrieve the unseen archetypes at loads and noise levels where pairwise (Hopfield) networks fail.',
  claims:
    'A teacher groups noisy examples of K archetypes by class; couplings are built from the examples (Hebbian, P-body). The paper maps retrieval in a phase diagram over dataset quality and quantity, load and noise: ' +
    'dense networks work in an ultra-storage regime (far more patterns than shallow networks can hold) and an ultra-detection regime (retrieval at signal-to-noise ratios where shallow networks fail), checked by Monte Carlo and on MNIST / Fashion-MNIST.',
  citation:
    'Agliari, Albanese, Alemanno, Alessandrelli, Barra, Giannotti, Lotito, Pedreschi. Dense Hebbian neural networks: a replica symmetric picture of supervised learning. Physica A (2023).',
  schema: denseHebbianSchema,
  rules,
  paperSetting: [
    {
      path: ['network', 'dense_p'],
      value: 4,
      source: 'the paper analyses even P; P = 4 is its leading example (not re-read)',
    },
  ],
  references,
  figures,
  exampleYaml,
  scaleNote:
    "Random archetypes only, N = 200, r = 0.3, two loads and an M sweep chosen by us: a Monte Carlo stand-in for the paper's phase diagrams, whose values were not read and are not drawn. The MNIST / Fashion-MNIST checks and the replica-symmetric theory curves are not reproduced.",
  work: denseHebbianWork,
  arms: [
    { id: 'dense', label: 'dense Hebbian network (P-body)', role: 'method' },
    { id: 'pairwise', label: 'pairwise Hebbian network (P = 2, Hopfield)', role: 'control' },
    { id: 'ceiling', label: 'sign of the class average (best aligned state)', role: 'control' },
  ],
  keySettings: [
    { label: 'P', path: ['network', 'dense_p'] },
    { label: 'N', path: ['network', 'units'] },
    { label: 'r', path: ['data', 'quality'] },
    { label: 'β', path: ['dynamics', 'beta'] },
    { label: 'reps', path: ['replications'] },
  ],
});
