/** The paper's setting, from its official code (gouki510/Grokking-Tickets). */
import type { GrokkingTicketsConfig } from './schema';
import type { PaperSetting } from '../../core/paper';

const CFG = 'Grokking-Tickets config/config.py';
const PRUNE = 'Grokking-Tickets config/config_pruning.py';

export const grokkingSetting: PaperSetting<GrokkingTicketsConfig>[] = [
  { path: ['data', 'modulus'], value: 67, source: `${CFG} (p)`, noteDeparture: true },
  {
    path: ['data', 'train_fraction'],
    value: 0.4,
    source: `${CFG} (frac_train)`,
    noteDeparture: true,
    why: "Grokking's delay depends strongly on the training fraction.",
  },
  { path: ['data', 'symmetric'], value: true, source: `${CFG} (is_symmetric_input)` },
  { path: ['model', 'embedding_dim'], value: 500, source: `${CFG} (d_emb)`, noteDeparture: true },
  { path: ['model', 'hidden'], value: [48], source: `${CFG} (d_model)`, noteDeparture: true },
  { path: ['model', 'weight_scale'], value: 1, source: `${CFG} (weight_scale)`, noteDeparture: true },
  {
    path: ['train', 'optimizer'],
    value: 'adamw',
    source: 'Grokking-Tickets train.py L79–84 (AdamW, betas 0.9/0.98)',
    noteDeparture: true,
  },
  { path: ['train', 'lr'], value: 1e-3, source: CFG, noteDeparture: true },
  {
    path: ['train', 'weight_decay'],
    value: 1,
    source: `${CFG} (the git history toggles 0 ↔ 1; the paper's dense baseline groks with weight decay)`,
  },
  { path: ['train', 'iterations'], value: 10_000, source: `${CFG} (num_epochs, full batch)` },
  {
    path: ['train', 'l1_penalty'],
    value: 0.003,
    source: `${CFG} (lp 1, lp_alpha 0.003) and train.py L110/L118 (the dense run's loss)`,
    why: "At the code's HEAD, config.py pairs this L1 term with weight_decay 0 and writes to a folder named lp_reg, while prune.py reads the dense checkpoint of a run named with weight decay 1: which dense run gave the paper's tickets is not certain.",
  },
  { path: ['prune', 'method'], value: 'magnitude', source: `${PRUNE} (pruner: mag)` },
  {
    path: ['prune', 'density'],
    value: 0.4,
    source: `${PRUNE} (sparsity 0.4 = fraction kept; pruner.py prunes 1 − sparsity)`,
    noteDeparture: true,
  },
  {
    path: ['prune', 'scope'],
    value: 'global',
    source: `${PRUNE} (scope)`,
    noteDeparture: true,
    why: 'At our sizes a global ranking keeps ~1% of the unembedding, and that ticket cannot even fit the training pairs (the paper page, "What our setting changes").',
  },
  { path: ['model', 'arch'], value: 'only_mlp', source: 'Grokking-Tickets model.py (OnlyMLP)', noteDeparture: true },
  {
    path: ['prune', 'mask_from'],
    value: 'final',
    source: `${PRUNE} (checkpoint: final — the ticket comes from the generalized model)`,
  },
  { path: ['prune', 'reinitialize'], value: true, source: `${PRUNE} (reinitialize)` },
];
