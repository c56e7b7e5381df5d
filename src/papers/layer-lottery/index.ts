/** When Layers Play the Lottery, all Tickets Win at Initialization (Jordao et al. 2023). No tfjs here. */
import { definePaper } from '../../core/paper';
import { layerLotterySchema } from './schema';
import { layerLotteryRules } from './rules';
import { layerLotterySetting } from './setting';
import { layerLotteryExampleYaml } from './example';
import { figures } from './figures';
import { references } from './references';
import { layerLotteryWork } from './work';

export const layerLottery = definePaper({
  id: 'layer-lottery',
  title: 'When Layers Play the Lottery, all Tickets Win at Initialization',
  tier: 'A',
  cluster: 'pruning',
  summary: 'Removing whole residual blocks at initialisation gives winning tickets that are also faster.',
  claims:
    'Winning tickets exist when pruning removes whole layers (residual blocks), and they can be found at initialization with data-driven criteria such as GraSP, without training the dense network first: the shallower networks match or beat the full one, train faster (up to 51% less carbon emission) and are more robust, while tickets from filter removal hardly win.',
  citation:
    'Artur Jordao, George Correa de Araujo, Helena de Almeida Maia, Helio Pedrini. When Layers Play the Lottery, all Tickets Win at Initialization. arXiv 2301.10835, 2023.',
  schema: layerLotterySchema,
  rules: layerLotteryRules,
  paperSetting: layerLotterySetting,
  references,
  figures,
  exampleYaml: layerLotteryExampleYaml,
  scaleNote:
    'Only a stand-in: ResNet32/56 on CIFAR-10 is out of reach on one CPU core, so a residual MLP (784 → 128, 6 blocks of two 128×128 layers, linear head) on 20,000 Fashion-MNIST images takes its place; "filter pruning" becomes pruning the blocks’ inner units, GraSP’s Hessian-gradient product is taken by finite differences, and speed-ups are CPU time per step of this small net.',
  arms: [
    { id: 'blocks', label: 'blocks removed at init', role: 'method' },
    { id: 'units', label: 'units pruned at init (same FLOPs)', role: 'control' },
    { id: 'full', label: 'full network', role: 'control' },
  ],
  keySettings: [
    { label: 'p', path: ['prune', 'blocks_removed'] },
    { label: 'criteria', path: ['prune', 'criteria'] },
    { label: 'blocks', path: ['model', 'blocks'] },
    { label: 'width', path: ['model', 'width'] },
    { label: 'iters', path: ['train', 'iterations'] },
  ],
  work: layerLotteryWork,
});
