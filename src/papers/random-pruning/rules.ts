/** What Random Pruning implies across fields (pruning-lottery.md §3), each rule citing its source. */
import type { PaperRule, RuleFinding } from '../../core/paper';
import type { RandomPruningConfig } from './schema';
import { fmtInt, imageDataRules, mlpLayers, pct, trainRules, type Layer } from '../common/rules';

type Rule = PaperRule<RandomPruningConfig>;

const ERK_SOURCE =
  'Liu et al. 2022, §3 (ER/ERK layerwise ratios); Random_Pruning sparselearning/core.py (a layer whose density would exceed 1 is made dense and ε re-solved)';

export interface LayerDensity {
  layer: Layer;
  density: number;
  forcedDense: boolean;
}

/**
 * ER layer densities for an overall density d: layer l keeps ε·f_l of its weights with
 * f_l = ((n_in + n_out)/(n_in·n_out))^power, ε chosen so the kept total is d·N. A layer whose
 * ε·f_l would exceed 1 is made dense and ε is solved again for the others (the paper's procedure).
 */
export function erDensities(layers: Layer[], density: number, power = 1): LayerDensity[] {
  const factor = layers.map((l) => Math.pow((l.fanIn + l.fanOut) / (l.fanIn * l.fanOut), power));
  const total = layers.reduce((s, l) => s + l.weights, 0);
  const dense = new Set<number>();
  for (let guard = 0; guard <= layers.length; guard++) {
    const budget = density * total - [...dense].reduce((s, i) => s + layers[i].weights, 0);
    const weighted = layers.reduce((s, l, i) => (dense.has(i) ? s : s + factor[i] * l.weights), 0);
    const eps = weighted > 0 ? budget / weighted : 0;
    let worst = -1;
    layers.forEach((_, i) => {
      if (!dense.has(i) && factor[i] * eps > 1 && (worst < 0 || factor[i] > factor[worst])) worst = i;
    });
    if (worst < 0)
      return layers.map((layer, i) => ({
        layer,
        density: dense.has(i) ? 1 : Math.max(0, factor[i] * eps),
        forcedDense: dense.has(i),
      }));
    dense.add(worst);
  }
  return layers.map((layer) => ({ layer, density: 1, forcedDense: true }));
}

/** The MLP's layers at a width multiplier, as the recipe builds them (each hidden layer at least one unit). */
export function widthLayers(hidden: readonly number[], width: number): Layer[] | undefined {
  return mlpLayers(hidden.map((h) => Math.max(1, Math.round(h * width))));
}

const erkDense: Rule = {
  code: 'random-pruning/erk-dense-layers',
  title: 'Warn when ER/ERK forces layers dense',
  source: ERK_SOURCE,
  check({ mask, widths: allWidths, model }) {
    if (!mask.layerwise.includes('er') && !mask.layerwise.includes('erk')) return [];
    // Out-of-range densities and widths are schema errors already; the others can still be checked.
    const densities = mask.densities.filter((d) => d > 0 && d < 1);
    const widths = allWidths.filter((w) => w > 0);
    const power = mask.erk_power_scale;
    const hits: string[] = [];
    let worst: { text: string; share: number } | undefined;
    for (const w of widths) {
      const layers = widthLayers(model.hidden, w);
      if (!layers) return [];
      for (const d of densities) {
        const res = erDensities(layers, d, power);
        const forced = res.filter((r) => r.forcedDense);
        if (!forced.length) continue;
        const names = forced.map((r) => `${r.layer.name} (${r.layer.fanIn}×${r.layer.fanOut})`).join(' and ');
        const rest = res
          .filter((r) => !r.forcedDense)
          .map((r) => `${r.layer.name} at ${pct(r.density)}`)
          .join(', ');
        const share =
          forced.reduce((s, r) => s + r.layer.weights, 0) / (d * res.reduce((s, r) => s + r.layer.weights, 0));
        hits.push(`width ×${w}, density ${d}`);
        const text = `at width ×${w} and density ${d}, ${names} ${forced.length > 1 ? 'are' : 'is'} kept dense, using ${pct(share)} of the weight budget, so ${rest || 'nothing else'}`;
        if (!worst || share > worst.share) worst = { text, share };
      }
    }
    if (!worst) return [];
    const out: RuleFinding = {
      path: ['mask', 'layerwise'],
      target: 'value',
      severity: 'warning',
      message: `ER/ERK forces dense layers in ${hits.length} of the ${widths.length * densities.length} width × density settings (${hits.slice(0, 4).join('; ')}${hits.length > 4 ? '; …' : ''}). Worst: ${worst.text}. The comparison with uniform is then between different layer budgets, as in the paper — but say so when reading the result.`,
    };
    return [out];
  },
};

const densityOne: Rule = {
  code: 'random-pruning/density-one',
  title: 'Density 1 keeps every weight',
  source: 'Liu et al. 2022 (density in (0, 1]; Random_Pruning CIFAR/main.py --density)',
  check({ mask: { densities: ds } }) {
    if (!ds.includes(1)) return [];
    return [
      {
        path: ['mask', 'densities', ds.indexOf(1)],
        target: 'value',
        severity: 'info',
        message:
          'Density 1 keeps every weight: that network is the dense control, trained again. Use the `dense` control instead.',
      },
    ];
  },
};

const missingDense: Rule = {
  code: 'random-pruning/missing-control',
  title: 'The dense network of the same width',
  source: 'Liu et al. 2022 (results are reported against the dense network of the same architecture)',
  check({ controls }) {
    if (controls.includes('dense')) return [];
    return [
      {
        path: ['controls'],
        severity: 'warning',
        message:
          "No `dense` control: the paper's claim is about the gap between a randomly pruned network and the dense network of the same width, which cannot be measured without it.",
        fixes: [
          {
            title: 'Add the control run the paper compares against (dense)',
            edits: [{ kind: 'setValue', path: ['controls'], value: ['dense'] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const tinyWidth: Rule = {
  code: 'random-pruning/width-too-small',
  title: 'Every hidden layer keeps at least a few units and weights',
  source: 'Paperlab model builder',
  check({ model: { hidden }, widths, mask: { densities: ds } }) {
    if (!widths.length || !ds.length) return [];
    const w = Math.min(...widths);
    const layers = widthLayers(hidden, w);
    if (!layers) return [];
    const d = Math.min(...ds);
    const smallest = layers.reduce((a, b) => (a.weights < b.weights ? a : b));
    const kept = Math.floor(smallest.weights * d);
    if (kept >= smallest.fanOut) return [];
    return [
      {
        path: ['widths'],
        target: 'value',
        severity: 'warning',
        message: `At width ×${w} and density ${d}, the ${smallest.name} layer (${smallest.fanIn}×${smallest.fanOut}) keeps about ${fmtInt(kept)} weights with a uniform ratio: fewer than its ${smallest.fanOut} outputs, so some units are cut off entirely.`,
      },
    ];
  },
};

const erIsErk: Rule = {
  code: 'random-pruning/er-equals-erk',
  title: 'ER and ERK are the same for an MLP',
  source: 'Liu et al. 2022, §3 (ERK adds the kernel dimensions to ER; an MLP has none) — pruning-lottery.md §3',
  check({ mask: { layerwise: ratios } }) {
    if (!ratios.includes('er') || !ratios.includes('erk')) return [];
    return [
      {
        path: ['mask', 'layerwise'],
        target: 'value',
        severity: 'warning',
        message:
          'For an MLP, ERK is identical to ER (it only differs by kernel dimensions, which fully connected layers do not have): listing both trains every sparse network twice.',
        fixes: [
          {
            title: 'Keep only `er`',
            edits: [{ kind: 'setValue', path: ['mask', 'layerwise'], value: ratios.filter((r) => r !== 'erk') }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

/** Below this many epochs the sparse − dense gap mostly measures how fast each network trains. */
export const SHORT_TRAINING_EPOCHS = 30;

const shortTraining: Rule = {
  code: 'random-pruning/short-training',
  title: 'Sparse networks need to be trained to convergence',
  source:
    'Random_Pruning CIFAR/main.py (160 epochs, lr ×0.1 at epochs 80 and 120; pruning-lottery.md §3 (a)); Paperlab runs of this example (the paper page, "What our setting changes")',
  check({ train: { iterations: iters, batch_size: batch }, data: { train: n } }) {
    if (n === 0) return []; // a schema error already: no epochs to count
    const epochs = (iters * batch) / n;
    if (epochs >= SHORT_TRAINING_EPOCHS) return [];
    return [
      {
        path: ['train', 'iterations'],
        target: 'value',
        severity: 'info',
        message: `${fmtInt(iters)} iterations of ${fmtInt(batch)} are ${epochs.toFixed(1)} epochs of ${fmtInt(n)} training images. Low-density networks train more slowly than dense ones (their signal at init is ~√density smaller per layer), so a short run compares training speed, not the accuracy the paper compares: in our runs at 12.8 epochs with a constant rate the gap to dense grew with width; at 38 epochs with the learning-rate drops it shrank. The paper trains 160 epochs; use at least ${SHORT_TRAINING_EPOCHS} here.`,
      },
    ];
  },
};

export const randomPruningRules: Rule[] = [
  erIsErk,
  erkDense,
  densityOne,
  missingDense,
  tinyWidth,
  shortTraining,
  ...imageDataRules,
  ...trainRules,
];
