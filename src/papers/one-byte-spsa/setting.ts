/** The official code's defaults (ezelikman/justonebyte app.py argparse), for hover and departure notes. */
import type { PaperSetting } from '../../core/paper';
import type { OneByteSpsaConfig } from './schema';

const CODE = 'ezelikman/justonebyte app.py (argparse defaults)';

export const setting: PaperSetting<OneByteSpsaConfig>[] = [
  { path: ['spsa', 'eps'], value: 1e-3, source: `${CODE}: --epsilon 1e-3`, noteDeparture: true },
  {
    path: ['spsa', 'lr'],
    value: 0.1,
    source: `${CODE}: --learning_rate 1e-1 (GPT-2 on SST-2)`,
    why: 'Tuned for GPT-2; for our 25k-parameter MLP it diverges — see the docs for the value used here and how it was chosen.',
  },
  { path: ['spsa', 'batch_size'], value: 64, source: `${CODE}: --batch_size 64`, noteDeparture: true },
  {
    path: ['spsa', 'perturbations'],
    value: 30,
    source: `${CODE}: --gradient_acc_steps 30`,
    why: 'Projected gradients each machine measures before the machines exchange them.',
  },
  { path: ['spsa', 'machines'], value: 2, source: `${CODE}: --min_num_machines 2` },
  { path: ['spsa', 'steps'], value: 16000, source: `${CODE}: --max_iterations 16000` },
  {
    path: ['spsa', 'log_step'],
    value: 0.0625,
    source: `${CODE}: update_weights, power = round(ln|g|·16)`,
  },
  {
    path: ['spsa', 'max_power'],
    value: 127,
    source: `${CODE}: update_weights, power clamped to [−127, 127]`,
    why: 'With the sign that is 510 levels (9 bits); our default 63 keeps sign + code in one byte.',
  },
];
