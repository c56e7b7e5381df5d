/** `paper: rs2` — Okanovic et al. 2024. No tfjs here (see ../types.ts). */
import { definePaper } from '../../core/paper';
import { Rs2Schema } from './schema';
import { rules } from './rules';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { rs2Work } from './work';

const CODE = 'PatrikOkanovic/RS2 (research notes §8)';

export const rs2 = definePaper({
  id: 'rs2',
  title: 'Repeated Random Sampling for Minimizing the Time-to-Accuracy of Learning',
  tier: 'A',
  cluster: 'data',
  summary:
    'Training each round on a fresh random subset (without replacement across rounds) beats static data pruning and reaches accuracy sooner than full data.',
  claims:
    'Repeated Sampling of Random Subsets (RS2) — a new uniformly random subset of the data every round, without replacement across rounds — ' +
    'outperforms static data-pruning and coreset methods at the same per-round budget, and reduces time-to-accuracy against full-data training ' +
    '(on ImageNet at under 10% of the data per round: accuracy improvements of up to 29% over the baselines and a 7× runtime reduction).',
  citation:
    'Patrik Okanovic, Roger Waleffe, Vasilis Mageirakos, Konstantinos E. Nikolakakis, Amin Karbasi, Dionysis Kalogerias, Nezihe Merve Gürel, Theodoros Rekatsinas. ICLR 2024.',
  schema: Rs2Schema,
  rules,
  paperSetting: [
    { path: ['train', 'batch_size'], value: 128, source: `${CODE}: batch 128`, noteDeparture: true },
    { path: ['train', 'rounds'], value: 200, source: `${CODE}: 200 rounds` },
    { path: ['train', 'lr'], value: 0.1, source: `${CODE}: SGD lr 0.1`, noteDeparture: true },
    { path: ['train', 'momentum'], value: 0.9, source: `${CODE}: momentum 0.9`, noteDeparture: true },
    { path: ['train', 'nesterov'], value: true, source: `${CODE}: Nesterov`, noteDeparture: true },
    { path: ['train', 'weight_decay'], value: 5e-4, source: `${CODE}: weight decay 5e-4`, noteDeparture: true },
    { path: ['train', 'lr_min'], value: 1e-4, source: `${CODE}: eta_min 1e-4` },
    {
      path: ['train', 'cosine_steps'],
      value: 'auto',
      source: `${CODE}: T_max = len(loader)·rounds`,
      noteDeparture: true,
    },
  ],
  references,
  figures,
  exampleYaml,
  scaleNote:
    'The paper trains ResNet-18 on CIFAR-10 and ImageNet for 200 rounds; here an MLP on 8,000 MNIST digits for 30 rounds with batch 64 (so that ' +
    '1% of the data still fills a batch). MNIST is easy, so every method ends higher and the gaps are smaller; the reference marks are CIFAR-10 values ' +
    "read off the paper's plot, for the shape of the comparison only. Training time excludes evaluation.",
  work: rs2Work,
  arms: [
    { id: 'rs2', label: 'RS2 (new subset each round, without replacement)', role: 'method' },
    { id: 'rs2_wr', label: 'RS2 with replacement across rounds', role: 'method' },
    { id: 'static', label: 'static random subset', role: 'control' },
    { id: 'full', label: 'full data', role: 'control' },
  ],
  keySettings: [
    { label: 'ratios', path: ['sampling', 'ratios'] },
    { label: 'methods', path: ['sampling', 'methods'] },
    { label: 'rounds', path: ['train', 'rounds'] },
    { label: 'batch', path: ['train', 'batch_size'] },
    { label: 'lr', path: ['train', 'lr'] },
  ],
});
