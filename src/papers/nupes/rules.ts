/** What NUPES and PowerQuant imply across fields, each rule citing its source. */
import type { PaperRule } from '../../core/paper';
import { fmtInt, imageDataRules, trainRules } from '../common/rules';
import type { NupesConfig } from './schema';

type Rule = PaperRule<NupesConfig>;

const POWERQUANT =
  'Yvinec et al., PowerQuant (ICLR 2023), §3 and Fig. 2: for bell-shaped weights the reconstruction error is minimised at a < 1';

const exponentRange: Rule = {
  code: 'nupes/exponent-range',
  title: 'The exponent grid must cover a < 1 and include the uniform quantizer',
  source: POWERQUANT,
  check({ quant: q }) {
    if (q.exponent_min >= q.exponent_max)
      return [
        {
          path: ['quant', 'exponent_min'],
          target: 'value',
          severity: 'error',
          message: `exponent_min (${q.exponent_min}) must be below exponent_max (${q.exponent_max}): there is nothing to search.`,
        },
      ];
    if (q.exponent_min >= 1)
      return [
        {
          path: ['quant', 'exponent_min'],
          target: 'value',
          severity: 'warning',
          message: `The grid starts at a = ${q.exponent_min}: exponents ≥ 1 spread the levels AWAY from zero, the opposite of what bell-shaped weights need; PowerQuant finds its optimum below 1.`,
          fixes: [
            {
              title: 'Search from a = 0.2',
              edits: [{ kind: 'setValue', path: ['quant', 'exponent_min'], value: 0.2 }],
              preferred: true,
            },
          ],
        },
      ];
    return [];
  },
};

const lowBits: Rule = {
  code: 'nupes/low-bits-missing',
  title: 'The comparison needs a low bit width',
  source:
    'NUPES abstract: uniform quantization "may however be ill-suited as most DNN weights … follow a bell-shaped distribution" — the gap shows at low bit widths',
  check({ quant }) {
    if (Math.min(...quant.bits) <= 4) return [];
    return [
      {
        path: ['quant', 'bits'],
        target: 'value',
        severity: 'warning',
        message: `The lowest bit width is ${Math.min(...quant.bits)}: at 5 bits and more a uniform grid is already close to float, so the power quantizer has little to win. Add 2–4 bits to see the paper's effect.`,
        fixes: [
          {
            title: 'Add 3 bits',
            edits: [{ kind: 'setValue', path: ['quant', 'bits'], value: [3, ...quant.bits].sort((a, b) => a - b) }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const calibration: Rule = {
  code: 'nupes/calibration-size',
  title: 'Calibration images come from the training set',
  source: 'NUPES abstract ("data-driven configurations"); calibration data is drawn from the training images here',
  check({ quant, data }) {
    if (!quant.searches.includes('data_driven')) return [];
    if (quant.calibration > data.train)
      return [
        {
          path: ['quant', 'calibration'],
          target: 'value',
          severity: 'error',
          message: `calibration (${fmtInt(quant.calibration)}) is larger than the training set (${fmtInt(data.train)} images) it is drawn from.`,
          fixes: [
            {
              title: 'Use 256 images',
              edits: [{ kind: 'setValue', path: ['quant', 'calibration'], value: Math.min(256, data.train) }],
            },
          ],
        },
      ];
    if (quant.calibration < 32)
      return [
        {
          path: ['quant', 'calibration'],
          target: 'value',
          severity: 'warning',
          message: `${quant.calibration} calibration images give a noisy output error: the data-driven exponent may fit them rather than the data. Use at least 32 (256 is our default).`,
        },
      ];
    return [];
  },
};

const figureBits: Rule = {
  code: 'nupes/figure-bits',
  title: 'The error-vs-exponent figure is drawn at one of the bit widths run',
  source: 'Paperlab figure (PowerQuant Fig. 2: reconstruction error against the exponent)',
  check({ quant }) {
    if (quant.bits.includes(quant.figure_bits)) return [];
    return [
      {
        path: ['quant', 'figure_bits'],
        target: 'value',
        severity: 'warning',
        message: `figure_bits (${quant.figure_bits}) is not among the bit widths run (${quant.bits.join(', ')}): its curves are drawn anyway, but the accuracy at that width is not measured.`,
        fixes: [
          {
            title: `Draw ${Math.min(...quant.bits)} bits`,
            edits: [{ kind: 'setValue', path: ['quant', 'figure_bits'], value: Math.min(...quant.bits) }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const nupesRules: Rule[] = [exponentRange, lowBits, calibration, figureBits, ...imageDataRules, ...trainRules];
