/** The stand-in's settings; the paper's (latent diffusion over large pretrained models) do not carry over. */
import type { PaperSetting } from '../../core/paper';
import type { D2nwgConfig } from './schema';

export const setting: PaperSetting<D2nwgConfig>[] = [
  {
    path: ['zoo', 'hidden'],
    value: 8,
    source: 'research notes next-batches.md C4 (~1.5k-dimensional weights; our sizes)',
  },
  {
    path: ['generator', 'kind'],
    value: 'interpolant',
    source: 'research notes next-batches.md C4 (reuse stochastic-interpolants; the paper uses latent diffusion)',
    noteDeparture: true,
  },
];
