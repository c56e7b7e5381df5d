/** The paper's own choices as far as the abstract states them (no code was found; tables not read). */
import type { PaperSetting } from '../../core/paper';
import type { LearngeneSwsConfig } from './schema';

const ABSTRACT = 'Xia et al. 2024, abstract';

export const setting: PaperSetting<LearngeneSwsConfig>[] = [
  {
    path: ['descendants', 'epochs'],
    value: 1,
    source: `${ABSTRACT}: "In some cases, SWS performs better only after 1 epoch tuning"`,
    noteDeparture: true,
  },
  {
    path: ['arms'],
    value: ['sws', 'scratch', 'learngene_untied', 'scratch_long'],
    source: `${ABSTRACT}: compared with models trained from scratch; the guidance of learning with sharing`,
  },
];
