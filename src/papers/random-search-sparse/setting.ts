/**
 * The paper's setting for hover: none of its values can be written as a config value here. The abstract
 * names neither the parent network ("an overparameterized network"), nor the search criterion ("better
 * initialized sub-networks that are positioned more advantageously in the loss landscape"), nor the
 * budget; the scaleNote says that ours are our reading.
 */
import type { PaperSetting } from '../../core/paper';
import type { RandomSearchSparseConfig } from './schema';

export const randomSearchSparseSetting: PaperSetting<RandomSearchSparseConfig>[] = [];
