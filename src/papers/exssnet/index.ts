/** Exclusive Supermask Subnetwork Training for Continual Learning (Yadav & Bansal 2022). No tfjs here. */
import { definePaper } from '../../core/paper';
import { exssnetSchema } from './schema';
import { exssnetRules } from './rules';
import { exssnetSetting } from './setting';
import { exssnetExampleYaml } from './example';
import { figures } from './figures';
import { references } from './references';
import { exssnetWork } from './work';

export const exssnet = definePaper({
  id: 'exssnet',
  title: 'Exclusive Supermask Subnetwork Training for Continual Learning',
  tier: 'A',
  cluster: 'pruning',
  summary:
    "Training weights only inside each task's exclusive supermask avoids forgetting and beats frozen-weight supermasks.",
  claims:
    'SupSup learns one supermask per task over fixed random weights: no forgetting, but the fixed weights limit each task. ExSSNeT also trains the weights each task uses exclusively (not used by any earlier task’s mask), so updates never conflict with earlier tasks: still no forgetting, better accuracy, especially for sparse masks using 2–10% of the weights (+8.3% over SupSup on average).',
  citation:
    'Prateek Yadav, Mohit Bansal. Exclusive Supermask Subnetwork Training for Continual Learning. arXiv 2210.10209, 2022.',
  schema: exssnetSchema,
  rules: exssnetRules,
  paperSetting: exssnetSetting,
  references,
  figures,
  exampleYaml: exssnetExampleYaml,
  scaleNote:
    'The paper evaluates SplitMNIST, SplitCIFAR100, TinyImageNet and NLP task streams with conv nets and batch norm; here a bias-free 784-300-100-10 MLP learns 5 PermutedMNIST tasks from the 10,000 mnist digits, 600 mask steps and 300 weight steps per task, without the KNN knowledge-transfer module.',
  arms: [
    { id: 'exssnet', label: 'ExSSNeT (exclusive weights trained)', role: 'method' },
    { id: 'supsup', label: 'SupSup (masks only)', role: 'control' },
    { id: 'ssnet', label: 'SSNeT (all mask weights trained)', role: 'control' },
  ],
  keySettings: [
    { label: 'density', path: ['model', 'density'] },
    { label: 'tasks', path: ['tasks', 'count'] },
    { label: 'mask iters', path: ['mask', 'iterations'] },
    { label: 'weight iters', path: ['weights', 'iterations'] },
  ],
  work: exssnetWork,
});
