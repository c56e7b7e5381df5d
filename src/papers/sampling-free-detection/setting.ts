/** The paper's own settings that carry over to the stand-in. */
import type { PaperSetting } from '../../core/paper';
import type { SamplingFreeConfig } from './schema';

export const setting: PaperSetting<SamplingFreeConfig>[] = [
  {
    path: ['loss', 'prior_init'],
    value: true,
    source: 'Chen et al. 2021, abstract (initialization)',
    noteDeparture: true,
    why: 'Half of the sampling-free mechanism.',
  },
  {
    path: ['loss', 'guided_scaling'],
    value: true,
    source: 'Chen et al. 2021, abstract (loss scaling)',
    noteDeparture: true,
    why: 'The other half.',
  },
  {
    path: ['loss', 'focal_alpha'],
    value: 0.25,
    source:
      "focal loss's usual RetinaNet setting (Lin et al. 2017, α = 0.25, γ = 2): the baseline the README compares with",
  },
  { path: ['loss', 'focal_gamma'], value: 2, source: "focal loss's usual RetinaNet setting (Lin et al. 2017)" },
];
