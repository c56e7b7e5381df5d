/** The paper's own setting where it could be read (abstracts of NUPES and PowerQuant), for hover and departure notes. */
import type { PaperSetting } from '../../core/paper';
import type { NupesConfig } from './schema';

export const nupesSetting: PaperSetting<NupesConfig>[] = [
  {
    path: ['quant', 'searches'],
    value: ['data_free', 'data_driven'],
    source: 'NUPES abstract: "state-of-the-art compression rates in both, data-free and data-driven configurations"',
    why: 'Both configurations are the paper’s; ours searches the exponent on a grid and does not learn new quantized weights (the paper’s "learning new quantized weights over the entire quantized space").',
  },
  {
    path: ['quant', 'exponent_max'],
    value: 1,
    source: 'PowerQuant (ICLR 2023) §3: power functions x ↦ x^a, the automorphisms of (ℝ₊*, ×); a = 1 is uniform',
    noteDeparture: true,
  },
];
