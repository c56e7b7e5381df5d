/** Doubly Robust Instance-Reweighted Adversarial Training (Sow et al., ICLR 2024). No tfjs here. */
import { definePaper } from '../../core/paper';
import { doublyRobustAtSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { work } from './work';

export const doublyRobustAt = definePaper({
  id: 'doubly-robust-at',
  title: 'Doubly Robust Instance-Reweighted Adversarial Training',
  tier: 'B',
  cluster: 'robustness',
  summary:
    'Instance weights from a KL-regularised DRO objective in adversarial training raise the robustness of the weakest classes without losing average robustness.',
  claims:
    'Existing instance-reweighted adversarial training methods choose their weights by heuristics; and adversarial training is very non-uniform across the data, some classes far more vulnerable than others. Obtaining the weights by optimising a KL-divergence-regularised loss (distributionally robust optimisation), in a compositional bilevel algorithm with a convergence guarantee, outperforms the baselines in average robust performance and improves robustness on the weakest data points.',
  citation:
    'Daouda Sow, Sen Lin, Zhangyang Wang, Yingbin Liang. Doubly Robust Instance-Reweighted Adversarial Training. ICLR 2024.',
  schema: doublyRobustAtSchema,
  rules,
  paperSetting: setting,
  references,
  figures,
  exampleYaml,
  scaleNote:
    "A stand-in for DONE: the KL-DRO instance weights w ∝ exp(ℓ_adv/r) in closed form per batch, WITHOUT the paper's bilevel hypergradient through the attack (it needs second-order terms, which tfjs cannot compute correctly here), on LeNet-300-100 / MNIST at ε = 0.1 for 1,500 steps instead of the paper's conv nets on CIFAR-scale data. Only the abstract could be read; r is our choice.",
  arms: [
    { id: 'done', label: 'AT + KL-DRO instance weights', role: 'method' },
    { id: 'at', label: 'PGD adversarial training', role: 'control' },
    { id: 'standard', label: 'standard training', role: 'control' },
  ],
  keySettings: [
    { label: 'ε', path: ['attack', 'eps'] },
    { label: 'PGD', path: ['attack', 'steps'] },
    { label: 'r', path: ['done', 'r'] },
    { label: 'iters', path: ['train', 'iterations'] },
  ],
  work,
});
