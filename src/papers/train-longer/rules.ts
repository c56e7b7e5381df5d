/** What Train longer, generalize better implies across fields (dynamics-random-weights.md §7). */
import type { TrainLongerConfig } from './schema';
import type { PaperRule } from '../../core/paper';
import { fmtInt, imageDataRules, optimizerRules } from '../common/rules';
import { regimeFactor } from './arms';

type Rule = PaperRule<TrainLongerConfig>;

/** Samples per second of a small MLP on the wasm backend, one core (notes/vscode-and-tfjs-facts.md). */
const WASM_SAMPLES_PER_S = 3000;

const ghostDivides: Rule = {
  code: 'train-longer/ghost-divides-batch',
  title: 'The ghost batch divides the batch',
  source:
    'Hoffer et al. 2017, §4.1 (Algorithm 1: the batch is split into B/|B_S| ghost batches); bigBatch main_gbn.py ghost loop',
  check({ large_batch: { batch_size: B, ghost_batch: g } }) {
    if (B % g === 0) return [];
    const divisors: number[] = [];
    for (let d = 1; d <= B; d++) if (B % d === 0) divisors.push(d);
    const nearest = divisors.reduce(
      (a, d) => (Math.abs(d - g) < Math.abs(a - g) || (Math.abs(d - g) === Math.abs(a - g) && d > a) ? d : a),
      1,
    );
    return [
      {
        path: ['large_batch', 'ghost_batch'],
        target: 'value',
        severity: 'error',
        message:
          g > B
            ? `ghost_batch (${fmtInt(g)}) is larger than the batch (${fmtInt(B)}): a ghost batch is a slice of the batch.`
            : `ghost_batch (${fmtInt(g)}) must divide batch_size (${fmtInt(B)}): ${fmtInt(B)} = ${Math.floor(B / g)} × ${g} + ${B % g}, leaving a ragged last ghost batch with different statistics. The nearest divisor is ${nearest}.`,
        fixes: [
          {
            title: `Use a ghost batch of ${nearest}`,
            edits: [{ kind: 'setValue', path: ['large_batch', 'ghost_batch'], value: nearest }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const ghostNeedsBn: Rule = {
  code: 'train-longer/ghost-needs-batch-norm',
  title: 'Ghost batch norm needs batch normalization',
  source: 'Hoffer et al. 2017, §4.1 (Ghost Batch Normalization)',
  check({ model, arms }) {
    if (model.batch_norm || !arms.some((a) => a.includes('gbn'))) return [];
    return [
      {
        path: ['model', 'batch_norm'],
        target: 'value',
        severity: 'error',
        message:
          'The `…gbn` arms use ghost batch normalization, but the model has no batch norm (`batch_norm: false`).',
        fixes: [
          {
            title: 'Add batch normalization',
            edits: [{ kind: 'setValue', path: ['model', 'batch_norm'], value: true }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const sqrtScaling: Rule = {
  code: 'train-longer/lr-scaling',
  title: 'The learning rate is scaled by √(B/b), not linearly',
  source:
    'Hoffer et al. 2017, §4 (η ∝ √(batch size), to keep the gradient-noise covariance); bigBatch main_gbn.py lr_bb_fix',
  check({ large_batch: { batch_size: B, small_batch: b, lr_scaling: how }, train: { lr }, arms }) {
    if (b === 0) return [];
    const k = B / b;
    const sqrtLr = Number((lr * Math.sqrt(k)).toPrecision(3));
    if (how === 'linear') {
      return [
        {
          path: ['large_batch', 'lr_scaling'],
          target: 'value',
          severity: 'warning',
          message: `Linear scaling multiplies the learning rate by B/b = ${Number(k.toPrecision(3))} (${lr} → ${Number((lr * k).toPrecision(3))}); the paper scales by √(B/b) = ${Number(Math.sqrt(k).toPrecision(3))} (→ ${sqrtLr}), which keeps the covariance of the weight updates the same as with the small batch.`,
          fixes: [
            {
              title: "Use the paper's √ scaling",
              edits: [{ kind: 'setValue', path: ['large_batch', 'lr_scaling'], value: 'sqrt' }],
              preferred: true,
            },
          ],
        },
      ];
    }
    if (how === 'none' && arms.some((a) => a.startsWith('lb_lr'))) {
      return [
        {
          path: ['large_batch', 'lr_scaling'],
          target: 'value',
          severity: 'warning',
          message: `With \`lr_scaling: none\` the \`lb_lr\` arms use the small-batch learning rate, so "+LR" changes nothing. The paper uses ${lr} × √${Number(k.toPrecision(3))} = ${sqrtLr}.`,
          fixes: [
            {
              title: "Use the paper's √ scaling",
              edits: [{ kind: 'setValue', path: ['large_batch', 'lr_scaling'], value: 'sqrt' }],
              preferred: true,
            },
          ],
        },
      ];
    }
    return [];
  },
};

const regimeCompute: Rule = {
  code: 'train-longer/regime-compute',
  title: 'Regime adaptation multiplies compute by B/b',
  source:
    'Hoffer et al. 2017, §5 (regime adaptation: train B/b times longer); bigBatch main_gbn.py regime_bb_fix (epochs × ceil(batch_size / mini_batch_size))',
  check(c) {
    const {
      large_batch: { batch_size: B, small_batch: b, ghost_batch: g, regime_adaptation: ra },
      train: { epochs },
      data,
      arms,
    } = c;
    const n = data.train;
    if (!arms.includes('lb_lr_gbn_ra')) return [];
    if (!ra) {
      return [
        {
          path: ['large_batch', 'regime_adaptation'],
          target: 'value',
          severity: 'warning',
          message:
            'The `lb_lr_gbn_ra` arm is listed but `regime_adaptation` is false: that arm would repeat `lb_lr_gbn`.',
        },
      ];
    }
    if (B <= b) return [];
    const k = regimeFactor(c);
    const raSamples = k * epochs * n;
    const others = arms.filter((a) => a !== 'lb_lr_gbn_ra').length * epochs * n;
    const minutes = (raSamples + others) / WASM_SAMPLES_PER_S / 60;
    return [
      {
        path: ['large_batch', 'regime_adaptation'],
        target: 'value',
        severity: 'info',
        message: `Regime adaptation multiplies compute by ⌈B/g⌉ = ${k} (the authors' code divides by its mini-batch, our ghost_batch)${g !== b ? `, not B/b = ${+(B / b).toFixed(2)}: with ghost_batch ≠ small_batch the arm makes ${+((k * b) / B).toFixed(2)}× the small batch's updates, not as many` : ''}: the \`lb_lr_gbn_ra\` arm trains ${fmtInt(k * epochs)} epochs instead of ${fmtInt(epochs)} (${fmtInt(Math.ceil((k * epochs * n) / B))} steps of ${fmtInt(B)}, ${fmtInt(raSamples)} samples), ${Math.round((100 * raSamples) / (raSamples + others))}% of this experiment's compute — about ${minutes < 1 ? '<1' : Math.round(minutes)} min in all at ~${fmtInt(WASM_SAMPLES_PER_S)} samples/s on one core.`,
      },
    ];
  },
};

const fewSteps: Rule = {
  code: 'train-longer/few-steps-per-epoch',
  title: 'At least about 5 steps per epoch',
  source: 'dynamics-random-weights.md §7 (lint: warn below about 5 steps per epoch)',
  check({ large_batch: { batch_size: B }, data: { train: n } }) {
    if (n / B >= 5) return [];
    return [
      {
        path: ['large_batch', 'batch_size'],
        target: 'value',
        severity: 'warning',
        message: `A batch of ${fmtInt(B)} from ${fmtInt(n)} training images is ${n / B < 1 ? 'more than the whole training set' : `only ${Math.floor(n / B)} step${Math.floor(n / B) === 1 ? '' : 's'} per epoch`}: epochs stop meaning much and the learning-rate regime is too coarse. Lower batch_size or use more data (fashion-mnist has 60,000).`,
      },
    ];
  },
};

const noGap: Rule = {
  code: 'train-longer/batch-not-large',
  title: 'The large batch is larger than the small batch',
  source: 'Hoffer et al. 2017, Table 1 (SB 128 vs LB 4096)',
  check({ large_batch: { batch_size: B, small_batch: b } }) {
    if (B > b) return [];
    return [
      {
        path: ['large_batch', 'batch_size'],
        target: 'value',
        severity: 'warning',
        message: `The large batch (${fmtInt(B)}) is not larger than the small batch (${fmtInt(b)}): there is no large-batch gap to close.`,
      },
    ];
  },
};

const dropsAfterEnd: Rule = {
  code: 'train-longer/lr-drop-after-end',
  title: 'Learning-rate drops happen during training',
  source: 'bigBatch models/mnist_f1.py (regime: drops at epochs 10, 20, 30)',
  check({ train: { epochs, lr_drop_epochs: drops } }) {
    const i = drops.findIndex((d) => d >= epochs);
    if (i < 0) return [];
    return [
      {
        path: ['train', 'lr_drop_epochs', i],
        target: 'value',
        severity: 'warning',
        message: `A learning-rate drop at epoch ${drops[i]} never happens in ${epochs} epochs (except in the regime-adapted arm, where it moves too).`,
      },
    ];
  },
};

export const trainLongerRules: Rule[] = [
  ghostDivides,
  ghostNeedsBn,
  sqrtScaling,
  regimeCompute,
  fewSteps,
  noGap,
  dropsAfterEnd,
  ...imageDataRules,
  ...optimizerRules,
];
