/** The paper's choices that carry over to the toy (read in the abstract; the paper's tables were not read). */
import type { PaperSetting } from '../../core/paper';
import type { InterpolantsConfig } from './schema';

export const setting: PaperSetting<InterpolantsConfig>[] = [
  {
    path: ['interpolant', 'gamma_scale'],
    value: 1,
    source: 'research notes next-batches.md B18 (γ(t) = √(t(1 − t)), not checked against the paper)',
    noteDeparture: true,
    why: 'The latent noise is what makes the interpolant stochastic and its score finite.',
  },
  {
    path: ['sampler', 'epsilons'],
    value: [0.5, 1],
    source: 'research notes next-batches.md B18 (ε ∈ {0.5, 1}, our choice)',
  },
  {
    path: ['model', 'hidden'],
    value: [128, 128, 128],
    source: 'research notes next-batches.md B18 (3×128 MLP, our choice)',
  },
];
