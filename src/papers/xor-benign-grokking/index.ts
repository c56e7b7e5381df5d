/** `paper: xor-benign-grokking` — Xu et al. 2024. No tfjs here (see ../types.ts). */
import { definePaper } from '../../core/paper';
import { XorSchema } from './schema';
import { rules } from './rules';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { xorWork } from './work';

const NOTES = "research notes §2 (the paper's numeric settings are unconfirmed)";

export const xorBenignGrokking = definePaper({
  id: 'xor-benign-grokking',
  title: 'Benign Overfitting and Grokking in ReLU Networks for XOR Cluster Data',
  tier: 'A',
  cluster: 'dynamics',
  summary:
    'After one GD step a two-layer ReLU net fits noisy XOR labels with near-chance test accuracy; later it generalizes while still fitting the noise.',
  claims:
    'For XOR cluster data with label noise, a two-layer ReLU network trained by gradient descent from a small initialization reaches 100% training ' +
    'accuracy after one step while its test accuracy is close to random (catastrophic overfitting); with further training it reaches near-optimal ' +
    'test accuracy while still fitting the flipped labels (benign overfitting) — a provable instance of grokking.',
  citation: 'Zhiwei Xu, Yutong Wang, Spencer Frei, Gal Vardi, Wei Hu. ICLR 2024.',
  schema: XorSchema,
  rules,
  paperSetting: [
    {
      path: ['data', 'means_cosine'],
      value: 0,
      source: 'Xu et al. §2: μ₁ ⊥ μ₂',
      noteDeparture: true,
      why: 'The analysis relies on orthogonal cluster means.',
    },
    {
      path: ['data', 'flip_mode'],
      value: 'independent',
      source: 'Xu et al. §2: labels flipped independently with probability η',
      noteDeparture: true,
      why: 'Stratified flips remove the chance imbalance that, at n = 40, can delay generalization for hundreds of steps.',
    },
    {
      path: ['data', 'clusters'],
      value: 'balanced',
      source: NOTES,
      why: 'A cluster with too few points may never be learned.',
    },
    { path: ['train', 'lr'], value: 0.08, source: `${NOTES}; [sim] value` },
    { path: ['model', 'init_scale'], value: 1e-4, source: `${NOTES}; [sim] value` },
  ],
  references,
  figures,
  exampleYaml,
  scaleNote:
    "The paper states its result asymptotically and its numeric settings could not be confirmed; the example uses the setting of our notes' " +
    'simulation (d = 20000, n = 40, m = 200, ‖μ‖² = 2500, η = 0.1), which is already laptop-sized. The reference marks are that simulation, not the paper. ' +
    'One departure: the example flips exactly η·n/4 labels per cluster (`flip_mode: stratified`) instead of flipping each label independently; with ' +
    'independent flips at n = 40 the number flipped is 1–8 by chance, and our seed 1 (6 flips, unevenly spread) reached only 89% clean test accuracy by step 1000.',
  work: xorWork,
  arms: [{ id: 'gd', label: 'gradient descent', role: 'method' }],
  keySettings: [
    { label: 'd', path: ['data', 'd'] },
    { label: 'n', path: ['data', 'n'] },
    { label: 'flip', path: ['data', 'label_flip'] },
    { label: 'flips', path: ['data', 'flip_mode'] },
    { label: 'width', path: ['model', 'width'] },
    { label: 'lr', path: ['train', 'lr'] },
  ],
});
