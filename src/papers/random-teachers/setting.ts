/** The official code's setting (safelix/dinopl configs/mnist_distillation.json, configuration.py defaults). */
import type { PaperSetting } from '../../core/paper';
import type { RandomTeachersConfig } from './schema';

const JSON_CFG = 'safelix/dinopl configs/mnist_distillation.json';
const DEFAULTS = 'safelix/dinopl configuration.py (defaults)';

export const setting: PaperSetting<RandomTeachersConfig>[] = [
  { path: ['distill', 'teacher_temp'], value: 0.04, source: `${JSON_CFG}: t_temp 0.04`, noteDeparture: true },
  { path: ['distill', 'student_temp'], value: 0.1, source: `${JSON_CFG}: s_temp 0.1`, noteDeparture: true },
  { path: ['distill', 'optimizer'], value: 'adamw', source: `${JSON_CFG}: opt adamw`, noteDeparture: true },
  { path: ['distill', 'lr'], value: 1e-3, source: `${JSON_CFG}: opt_lr 0.001`, noteDeparture: true },
  { path: ['distill', 'weight_decay'], value: 0.01, source: `${JSON_CFG}: opt_wd 0.01`, noteDeparture: true },
  { path: ['distill', 'batch_size'], value: 256, source: `${JSON_CFG}: bs_train 256`, noteDeparture: true },
  {
    path: ['distill', 'center_momentum'],
    value: 0.9,
    source: `${DEFAULTS}: t_cmom ConstSched(0.9)`,
    noteDeparture: true,
  },
  {
    path: ['model', 'head_hidden'],
    value: [2048, 2048],
    source: `${JSON_CFG}: hid_dims [2048, 2048]`,
    why: 'Scaled down here so that a step takes milliseconds on one core.',
  },
  { path: ['model', 'bottleneck'], value: 256, source: `${JSON_CFG}: l2bot_dim 256` },
  { path: ['model', 'out_dim'], value: 65536, source: `${JSON_CFG}: out_dim 65536` },
  { path: ['model', 'activation'], value: 'gelu', source: `${DEFAULTS}: mlp_act GELU`, noteDeparture: true },
  {
    path: ['probe', 'k'],
    value: 20,
    source: 'safelix/dinopl dinopl/probing.py: KNNAnalysis(k=20)',
    noteDeparture: true,
  },
];
