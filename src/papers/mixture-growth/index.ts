/** MixtureGrowth (Pham et al., WACV 2024). No tfjs here: see recipe.ts. */
import { definePaper } from '../../core/paper';
import { mixtureGrowthSchema } from './schema';
import { mixtureGrowthRules } from './rules';
import { mixtureGrowthSetting } from './setting';
import { mixtureGrowthExampleYaml } from './example';
import { figures } from './figures';
import { references } from './references';
import { mixtureGrowthWork } from './work';

export const mixtureGrowth = definePaper({
  id: 'mixture-growth',
  title: 'MixtureGrowth: Growing Neural Networks by Recombining Learned Parameters',
  tier: 'A',
  cluster: 'growth',
  summary: 'Growing a network by linearly recombining learned weight templates avoids retraining from scratch.',
  claims:
    'Every layer is a linear combination of parameter templates. Two small networks are trained; the grown network keeps their weights and generates the new layer weights as new linear combinations of the already trained templates. This beats growing with random weights (+2–2.5% top-1 over the state of the art on CIFAR-100 and ImageNet) and matches a larger network trained from scratch with fewer FLOPs.',
  citation:
    'Chau Pham, Piotr Teterwak, Soren Nelson, Bryan A. Plummer. MixtureGrowth: Growing Neural Networks by Recombining Learned Parameters. WACV 2024.',
  schema: mixtureGrowthSchema,
  rules: mixtureGrowthRules,
  paperSetting: mixtureGrowthSetting,
  references,
  figures,
  exampleYaml: mixtureGrowthExampleYaml,
  scaleNote:
    'The paper grows two WRN-28-5 into a WRN-28-10 on CIFAR-100 and ImageNet (200 + 200 + 40 epochs, SGD, batch norm); here two 128-wide template-mixing MLPs grow into a 256-wide MLP on 20,000 Fashion-MNIST images (10 + 2 epochs, Adam, no batch norm), with templates drawn by their own fan-in.',
  arms: [
    { id: 'mixturegrowth', label: 'MixtureGrowth (recombined templates)', role: 'method' },
    { id: 'random_growth', label: 'growth with random new weights', role: 'control' },
    { id: 'zero_growth', label: 'growth with zero new blocks', role: 'control' },
    { id: 'scratch', label: 'full width from scratch', role: 'control' },
    { id: 'member0', label: 'member 1 (half width)', role: 'control' },
    { id: 'member1', label: 'member 2 (half width)', role: 'control' },
    { id: 'ensemble', label: 'the two members’ summed logits (the grown net before any new block)', role: 'control' },
  ],
  keySettings: [
    { label: 'hidden', path: ['model', 'hidden'] },
    { label: 'member iters', path: ['growth', 'member_iterations'] },
    { label: 'growth iters', path: ['growth', 'growth_iterations'] },
    { label: 'coefs', path: ['growth', 'coefficients'] },
    { label: 'scratch iters', path: ['scratch_iterations'] },
  ],
  work: mixtureGrowthWork,
});
