/** Cross-field checks for the bandlimited random-network setting, each citing its source. */
import type { PaperRule } from '../../core/paper';
import { fmtInt } from '../common/rules';
import type { BandlimitedConfig } from './schema';

type Rule = PaperRule<BandlimitedConfig>;
const ABSTRACT = 'Li et al. 2023, abstract';

const widthsAboveData: Rule = {
  code: 'bandlimited-random-weights/width-above-data',
  title: 'Widths beyond the number of training points interpolate them',
  source: `${ABSTRACT} (Step II fits c from n samples); the ridge is then solved in its dual form`,
  check({ model, data }) {
    const over = model.widths.filter((w) => w >= data.train);
    if (over.length === 0) return [];
    return [
      {
        path: ['model', 'widths'],
        target: 'value',
        severity: 'warning',
        message: `Width${over.length > 1 ? 's' : ''} ${over.map(fmtInt).join(', ')} ≥ ${fmtInt(data.train)} training points: the output layer can interpolate the data, so test error there measures interpolation between samples, not the approximation power the paper bounds. Use more training points than units.`,
        fixes: [
          {
            title: `Use ${fmtInt(2 * Math.max(...model.widths))} training points`,
            edits: [
              { kind: 'setValue', path: ['data', 'train'], value: Math.min(10_000, 2 * Math.max(...model.widths)) },
            ],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const bandVsFrequency: Rule = {
  code: 'bandlimited-random-weights/band-vs-frequency',
  title: 'Some λ should be wide enough for the highest frequency',
  source: `${ABSTRACT} ("a suitable assignment of random weights exists but … is associated with the complexity of the target")`,
  check({ model, data }) {
    const kmax = Math.max(...data.frequencies);
    const lmax = Math.max(...model.bandwidths);
    // A sigmoid of slope a changes over ~4/a in x; sin(2πkx) changes sign every 1/(2k).
    if (lmax >= 4 * kmax) return [];
    return [
      {
        path: ['model', 'bandwidths'],
        target: 'value',
        severity: 'info',
        message: `The widest band, λ = ${lmax}, gives units that vary over ≳ ${(4 / lmax).toFixed(2)} in x, while sin(2π·${kmax}x) changes sign every ${(1 / (2 * kmax)).toFixed(2)}: no λ tried can fit the fastest target, so the comparison has no "suitable assignment" arm. Add λ ≥ ${4 * kmax}.`,
        fixes: [
          {
            title: `Add λ = ${8 * kmax}`,
            edits: [{ kind: 'setValue', path: ['model', 'bandwidths'], value: [...model.bandwidths, 8 * kmax] }],
          },
        ],
      },
    ];
  },
};

const ridgeTooLarge: Rule = {
  code: 'bandlimited-random-weights/ridge-too-large',
  title: 'The ridge must be small to measure approximation',
  source: `${ABSTRACT} (approximation error of the best output layer); ridge ≫ 0 adds a regularization error`,
  check({ fit }) {
    if (fit.rel_lambda <= 1e-4) return [];
    return [
      {
        path: ['fit', 'rel_lambda'],
        target: 'value',
        severity: 'warning',
        message: `rel_lambda = ${fit.rel_lambda}: a ridge this large limits every fit, so wide nets can look "floored" by the regularization rather than by the band.`,
        fixes: [
          {
            title: 'Use 1e-8',
            edits: [{ kind: 'setValue', path: ['fit', 'rel_lambda'], value: 1e-8 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const fewWidths: Rule = {
  code: 'bandlimited-random-weights/few-widths',
  title: 'A floor needs several widths to be seen',
  source: `${ABSTRACT} (error that does not vanish as the width grows)`,
  check({ model }) {
    if (new Set(model.widths).size >= 3) return [];
    return [
      {
        path: ['model', 'widths'],
        target: 'value',
        severity: 'warning',
        message:
          'Fewer than 3 widths: whether the error levels off or keeps falling cannot be told from one or two points.',
      },
    ];
  },
};

export const rules: Rule[] = [widthsAboveData, bandVsFrequency, ridgeTooLarge, fewWidths];
