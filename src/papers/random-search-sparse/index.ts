/** Random Search as a Baseline for Sparse NN Architecture Search (Farahani 2024). No tfjs here: see recipe.ts. */
import { definePaper } from '../../core/paper';
import { randomSearchSparseSchema } from './schema';
import { randomSearchSparseRules } from './rules';
import { randomSearchSparseSetting } from './setting';
import { randomSearchSparseExampleYaml } from './example';
import { figures } from './figures';
import { references } from './references';
import { randomSearchSparseWork } from './work';

export const randomSearchSparse = definePaper({
  id: 'random-search-sparse',
  title: 'Random Search as a Baseline for Sparse Neural Network Architecture Search',
  tier: 'A',
  cluster: 'pruning',
  summary: 'Sparse architectures found by random search do no better than random sparse networks of the same sparsity.',
  claims:
    'Random search over the node space of an overparameterized network, looking for better-initialized sparse subnetworks, finds networks that neither perform better nor converge more efficiently than random subnetworks of the same sparsity; a significant level of performance is preserved even when the network is highly sparse. Random search is therefore a neutral baseline for sparsity search methods.',
  citation:
    'Rezsa Farahani. Random Search as a Baseline for Sparse Neural Network Architecture Search. arXiv 2403.08265, 2024.',
  schema: randomSearchSparseSchema,
  rules: randomSearchSparseRules,
  paperSetting: randomSearchSparseSetting,
  references,
  figures,
  exampleYaml: randomSearchSparseExampleYaml,
  scaleNote:
    'Only the abstract could be read: the parent (LeNet-300-100), the search criterion (validation loss at initialisation), the budget (32 candidates) and the data (the 10,000 mnist digits) are our reading, not the paper’s setting. "No better" is tested as equivalence within ±1 pp over 4 searches and 4 random masks per sparsity.',
  arms: [
    { id: 'searched', label: 'best of N random node masks', role: 'method' },
    { id: 'random', label: 'random node mask (same sparsity)', role: 'control' },
    { id: 'dense', label: 'dense parent', role: 'control' },
  ],
  keySettings: [
    { label: 'sparsities', path: ['search', 'sparsities'] },
    { label: 'candidates', path: ['search', 'candidates'] },
    { label: 'repeats', path: ['search', 'repeats'] },
    { label: 'iters', path: ['train', 'iterations'] },
  ],
  work: randomSearchSparseWork,
});
