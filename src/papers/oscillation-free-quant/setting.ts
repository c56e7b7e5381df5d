/** The official scripts' values (nbasyl/OFQ, train_scripts/deit_t/w2a2_deit_t.sh). */
import type { PaperSetting } from '../../core/paper';
import type { OfqConfig } from './schema';

const SCRIPT = 'nbasyl/OFQ, train_scripts/deit_t/w2a2_deit_t.sh';

export const setting: PaperSetting<OfqConfig>[] = [
  {
    path: ['quant', 'weight_bits'],
    value: 2,
    source: `${SCRIPT}: --wq-bitw 2`,
    noteDeparture: true,
    why: 'The 2-bit setting is where oscillation hurts most.',
  },
  { path: ['quant', 'act_bits'], value: 2, source: `${SCRIPT}: --aq-bitw 2` },
  { path: ['quant', 'per_channel'], value: true, source: `${SCRIPT}: --wq-per-channel` },
  { path: ['cga', 'boundary_range'], value: 0.005, source: `${SCRIPT}: --boundaryRange 0.005`, noteDeparture: true },
  { path: ['cga', 'freeze_fraction'], value: 0.1, source: `${SCRIPT}: --freeze_for_n_epochs 30 of --epochs 300` },
  { path: ['train', 'lr'], value: 5.47e-4, source: `${SCRIPT}: --lr 5.47e-4 (batch 140 per GPU)` },
  { path: ['train', 'weight_decay'], value: 0.05, source: `${SCRIPT}: --weight-decay 0.05` },
];
