/** What the one-byte-spsa setting implies across fields, each rule citing the paper or its code. */
import type { PaperRule } from '../../core/paper';
import { fmtInt, imageDataRules } from '../common/rules';
import { bitsPerScalar } from '../../trainer/logQuantizer';
import type { OneByteSpsaConfig } from './schema';

type Rule = PaperRule<OneByteSpsaConfig>;

const CODE = 'ezelikman/justonebyte app.py';
const ABSTRACT = 'Zelikman et al. 2023, abstract';

const byteBudget: Rule = {
  code: 'one-byte-spsa/byte-budget',
  title: 'A one-byte code has 256 levels: sign + 2·max_power + 1 powers must fit',
  source: `${ABSTRACT} ("machines only exchange single-byte projected gradients"); ${CODE} update_weights (power = round(16·ln|g|) clamped to ±127)`,
  check({ spsa, arms }) {
    if (!arms.includes('spsa_one_byte')) return [];
    const bits = bitsPerScalar({ step: spsa.log_step, maxPower: spsa.max_power });
    if (bits <= 8) return [];
    return [
      {
        path: ['spsa', 'max_power'],
        target: 'value',
        severity: 'warning',
        message: `A sign and ${fmtInt(2 * spsa.max_power + 1)} powers need ${bits} bits, not one byte: the run will count ${bits} bits per projected gradient. (The official code's ±127 has the same problem.) max_power 63 with log_step ${Math.min(1, 2 * spsa.log_step)} keeps the range in 8 bits.`,
        fixes: [
          {
            title: 'Use max_power 63 (sign + 7 bits)',
            edits: [
              { kind: 'setValue', path: ['spsa', 'max_power'], value: 63 },
              {
                kind: 'setValue',
                path: ['spsa', 'log_step'],
                value: Math.min(1, (spsa.log_step * spsa.max_power) / 63),
              },
            ],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const quantizerRange: Rule = {
  code: 'one-byte-spsa/quantizer-range',
  title: "The code must span the projected gradients' magnitudes",
  source: `${CODE}: powers ±127 at 1/16 span |g| ∈ [e^−7.9, e^7.9]`,
  check({ spsa, arms }) {
    if (!arms.includes('spsa_one_byte')) return [];
    const span = spsa.max_power * spsa.log_step;
    if (span >= 5) return [];
    return [
      {
        path: ['spsa', 'log_step'],
        target: 'value',
        severity: 'warning',
        message: `The code spans |g| from e^−${span.toFixed(1)} to e^${span.toFixed(1)} (${Math.exp(-span).toPrecision(2)} to ${Math.exp(span).toPrecision(2)}). Projected gradients outside are clamped — small ones are sent LARGER than they are, which adds noise to every step. The official code spans e^±7.9.`,
        fixes: [
          {
            title: `Use log_step ${(7.9 / spsa.max_power).toPrecision(2)} (span e^±7.9)`,
            edits: [
              { kind: 'setValue', path: ['spsa', 'log_step'], value: Number((7.9 / spsa.max_power).toPrecision(2)) },
            ],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const epsFloat32: Rule = {
  code: 'one-byte-spsa/eps-float32',
  title: 'ε too small for float32 loss differences',
  source: `${CODE} (--epsilon default 1e-3); float32 has 24 bits of mantissa`,
  check({ spsa }) {
    if (spsa.eps >= 1e-4) return [];
    return [
      {
        path: ['spsa', 'eps'],
        target: 'value',
        severity: 'warning',
        message: `ε = ${spsa.eps}: L(θ + εz) − L(θ − εz) is then a difference of two float32 losses that agree in almost every digit (relative precision ~6e-8), so g is mostly rounding noise. The paper's code uses 1e-3.`,
        fixes: [
          { title: 'Use ε = 1e-3', edits: [{ kind: 'setValue', path: ['spsa', 'eps'], value: 1e-3 }], preferred: true },
        ],
      },
    ];
  },
};

const shard: Rule = {
  code: 'one-byte-spsa/shard-size',
  title: "Each machine's shard must fill a batch",
  source: `${ABSTRACT} ("projected gradients may be calculated on different training data, and models never access the other's data")`,
  check({ spsa, data }) {
    const per = Math.floor(data.train / spsa.machines);
    if (spsa.batch_size <= per) return [];
    return [
      {
        path: ['spsa', 'batch_size'],
        target: 'value',
        severity: 'error',
        message: `${fmtInt(data.train)} examples over ${spsa.machines} machines leave ${fmtInt(per)} per machine, fewer than a batch of ${spsa.batch_size}.`,
      },
    ];
  },
};

const pretrained: Rule = {
  code: 'one-byte-spsa/pretrain',
  title: 'SPSA fine-tunes a pretrained model; from scratch it is far too slow',
  source: `${ABSTRACT} ("low-bandwidth decentralized language model finetuning"; MeZO, Malladi et al. 2023, fine-tunes pretrained models)`,
  check({ pretrain }) {
    if (pretrain.iterations >= 200) return [];
    return [
      {
        path: ['pretrain', 'iterations'],
        target: 'value',
        severity: 'warning',
        message: `${pretrain.iterations} pretraining steps leave a barely trained net: zeroth-order updates move it far more slowly than backprop (each step sees the gradient along a few random directions only), so the comparison would measure training from scratch, not fine-tuning.`,
        fixes: [
          {
            title: 'Pretrain 1,000 steps',
            edits: [{ kind: 'setValue', path: ['pretrain', 'iterations'], value: 1000 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const oneMachine: Rule = {
  code: 'one-byte-spsa/one-machine',
  title: 'With one machine nothing is communicated',
  source: `${ABSTRACT} (decentralised fine-tuning; app.py --min_num_machines default 2)`,
  check({ spsa }) {
    if (spsa.machines > 1) return [];
    return [
      {
        path: ['spsa', 'machines'],
        target: 'value',
        severity: 'info',
        message: 'One machine sends nothing: the bytes-per-step comparison is empty. The code starts at 2 machines.',
        fixes: [{ title: 'Simulate 4 machines', edits: [{ kind: 'setValue', path: ['spsa', 'machines'], value: 4 }] }],
      },
    ];
  },
};

const missingControl: Rule = {
  code: 'one-byte-spsa/missing-float',
  title: 'The one-byte claim needs the float32 run beside it',
  source: `${ABSTRACT} (quantizing to one byte "is highly communication efficient" — against float projected gradients)`,
  check({ arms }) {
    if (!arms.includes('spsa_one_byte') || arms.includes('spsa_float')) return [];
    return [
      {
        path: ['arms'],
        severity: 'warning',
        message: 'No `spsa_float` arm: without it, what one byte costs in accuracy cannot be measured.',
        fixes: [
          {
            title: 'Add spsa_float',
            edits: [{ kind: 'setValue', path: ['arms'], value: [...arms, 'spsa_float'] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [
  byteBudget,
  quantizerRange,
  epsFloat32,
  shard,
  pretrained,
  oneMachine,
  missingControl,
  ...imageDataRules,
];
