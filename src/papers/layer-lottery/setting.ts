/**
 * The paper's setting (as the research notes read it; not re-verified here) for hover. Its networks
 * (ResNet32/56 on CIFAR-10) are no value of `model.arch`: the scaleNote says the residual MLP stands in.
 */
import type { PaperSetting } from '../../core/paper';
import type { LayerLotteryConfig } from './schema';

const NOTES = 'Jordao et al. 2023, as read in pruning-lottery.md §5 (not re-verified)';

export const layerLotterySetting: PaperSetting<LayerLotteryConfig>[] = [
  { path: ['prune', 'blocks_removed'], value: [1, 2, 3, 4, 5], source: `${NOTES}: Table 2, ResNet32, p = 1…5` },
  { path: ['prune', 'criteria'], value: ['snip', 'grasp'], source: `${NOTES}: Algorithm 2 (at initialization)` },
];
