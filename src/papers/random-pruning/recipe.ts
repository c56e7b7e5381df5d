import { defineRecipe } from '../../trainer/recipe';
import { randomPruning } from './index';
/**
 * random-pruning: static random masks at several densities and layerwise ratios, on MLPs of several
 * widths, each compared with the dense MLP of the same width (Liu et al. 2022; notes §3(b)).
 *
 * Per width: the dense control first, then one sparse network per (density, layerwise ratio), all
 * from the same initial weights of that width (so the mask is the only difference), masks drawn once
 * at init from the seed and never changed (the paper's `fix`).
 * Events: metric `{arm: dense|sparse, width, density, layerwise}`; summary per network with
 * `final_test_acc`, `best_test_acc`, `test_examples` and, for sparse networks, `gap` = sparse − dense
 * final accuracy.
 */
import type { RecipeContext } from '../../trainer/recipe';
import { loadImageTensors } from '../../trainer/data';
import { mlpFor } from '../../trainer/model';
import { createRng, type Rng } from '../../trainer/rng';
import { restore, snapshot } from '../../trainer/snapshot';
import { applyMasks, disposeMasks, maskStats, type Masks } from '../../trainer/masks';
import { trainSeries, type StepBudget } from '../../trainer/trainSeries';
import { checkActivation } from '../../trainer/denseLayers';
import { keptCount, layerDensities } from '../../trainer/layerDensity';

/** Hidden widths at a multiplier (at least one unit). */
export function widthsAt(hidden: number[], multiplier: number): number[] {
  return hidden.map((h) => Math.max(1, Math.round(h * multiplier)));
}

/**
 * A static random mask per layer: exactly keptCount(size, density_l) weights kept, at positions drawn
 * uniformly from the layer's own stream.
 */
export function randomLayerMasks(
  tf: RecipeContext['tf'],
  shapes: { name: string; fanIn: number; fanOut: number }[],
  densities: number[],
  rng: Rng,
): Masks {
  const masks: Masks = new Map();
  shapes.forEach((s, l) => {
    const size = s.fanIn * s.fanOut;
    const keep = keptCount(size, densities[l]);
    const idx = rng.fork(s.name).shuffle(Int32Array.from({ length: size }, (_, i) => i)) as Int32Array;
    const m = new Float32Array(size);
    for (let i = 0; i < keep; i++) m[idx[i]] = 1;
    masks.set(s.name, tf.tensor2d(m, [s.fanIn, s.fanOut]));
  });
  return masks;
}

/**
 * Sparsity-aware init (`mask.rescale_init`): multiplies each unit's kept incoming weights by
 * √(fanIn / kept inputs of that unit), so the unit's pre-activation variance at init is what the
 * dense initializer gave it. Units with no kept input are left alone. Returns the mean factor.
 */
export function rescaleToMaskedFanIn(
  tf: RecipeContext['tf'],
  net: { layers: { name: string; weight: import('@tensorflow/tfjs').Variable }[] },
  masks: Masks,
): number {
  let sum = 0;
  let n = 0;
  for (const l of net.layers) {
    const m = masks.get(l.name);
    if (!m) continue;
    const [fanIn, fanOut] = l.weight.shape as [number, number];
    const md = m.dataSync() as Float32Array;
    const kept = new Float64Array(fanOut);
    for (let i = 0; i < fanIn; i++) for (let j = 0; j < fanOut; j++) kept[j] += md[i * fanOut + j];
    const scale = new Float32Array(fanOut);
    for (let j = 0; j < fanOut; j++) {
      scale[j] = kept[j] > 0 ? Math.sqrt(fanIn / kept[j]) : 1;
      sum += scale[j];
      n++;
    }
    tf.tidy(() => l.weight.assign(tf.mul(l.weight, tf.tensor2d(scale, [1, fanOut]))));
  }
  return n ? sum / n : 1;
}

export const recipe = defineRecipe(randomPruning, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const splits = loadImageTensors(tf, c.data, ctx.seed, (m) => ctx.log(m));
  const { data, train, test } = splits;
  const activation = checkActivation(c.model.activation);
  const withDense = c.controls.includes('dense');
  const sparseArms = c.mask.densities.flatMap((density) =>
    c.mask.layerwise.map((layerwise) => ({ density, layerwise })),
  );
  const perWidth = sparseArms.length + (withDense ? 1 : 0);
  const budget: StepBudget = { done: 0, total: c.widths.length * perWidth * c.train.iterations };
  const root = createRng(ctx.seed);
  try {
    for (const width of [...c.widths].sort((a, b) => a - b)) {
      const hidden = widthsAt(c.model.hidden, width);
      const wRng = root.fork(`width-${width}`);
      const net = mlpFor(tf, { ...c.model, hidden, activation }, data, wRng.fork('init'));
      const theta0 = snapshot(net);
      const shapes = net.layers.map((l) => ({
        name: l.name,
        fanIn: l.weight.shape[0],
        fanOut: l.weight.shape[1] as number,
      }));
      const common = {
        ctx,
        net,
        optimizer: {
          name: c.train.optimizer,
          lr: c.train.lr,
          momentum: c.train.momentum,
          weight_decay: c.train.weight_decay,
        },
        iterations: c.train.iterations,
        lrDrops: c.train.lr_drops,
        batchSize: c.train.batch_size,
        evalEvery: c.train.eval_every,
        train,
        test,
        budget,
      };
      ctx.log(`width ×${width}: hidden ${JSON.stringify(hidden)}, ${net.size().toLocaleString('en-US')} parameters`);
      try {
        let denseAcc: number | undefined;
        if (withDense) {
          const series = { arm: 'dense', width, density: 1 };
          // The same batch order for every arm of a width: only the mask differs.
          const r = await trainSeries({
            ...common,
            series,
            rng: wRng.fork('batches'),
            label: `width ×${width} · dense`,
          });
          denseAcc = r.final.values.test_acc;
          const best = r.history.reduce((m, p) => Math.max(m, p.values.test_acc), -Infinity);
          ctx.emit({
            type: 'summary',
            series,
            values: { final_test_acc: denseAcc, best_test_acc: best, parameters: net.size(), test_examples: test.n },
          });
        }
        for (const { density, layerwise } of sparseArms) {
          restore(tf, net, theta0);
          const ld = layerDensities(shapes, density, layerwise, c.mask.erk_power_scale);
          const masks = randomLayerMasks(tf, shapes, ld.densities, wRng.fork(`mask-${density}-${layerwise}`));
          try {
            // Pruned at init: the removed weights are zero from the first forward pass on.
            applyMasks(tf, net, masks);
            const initScale = c.mask.rescale_init ? rescaleToMaskedFanIn(tf, net, masks) : 1;
            const stats = maskStats(masks);
            const series = { arm: 'sparse', width, density, layerwise };
            ctx.emit({
              type: 'phase',
              step: 0,
              series,
              label: `mask: ${ld.densities.map((d) => `${(d * 100).toPrecision(3)}%`).join(' / ')} per layer${ld.forcedDense.length ? ` (dense: layer ${ld.forcedDense.join(', ')})` : ''}`,
            });
            const r = await trainSeries({
              ...common,
              series,
              masks,
              rng: wRng.fork('batches'),
              label: `width ×${width} · ${layerwise} ${(density * 100).toPrecision(2)}%`,
            });
            const acc = r.final.values.test_acc;
            const best = r.history.reduce((m, p) => Math.max(m, p.values.test_acc), -Infinity);
            // Read back from the trained weights: proves the mask held through every update.
            const nonzero = net.layers.reduce(
              (t, l) => t + (l.weight.dataSync() as Float32Array).reduce((k, v) => k + (v !== 0 ? 1 : 0), 0),
              0,
            );
            const values: Record<string, number> = {
              final_test_acc: acc,
              best_test_acc: best,
              kept_weights: stats.kept,
              actual_density: stats.density,
              nonzero_after_training: nonzero / stats.total,
              init_scale: initScale,
              test_examples: test.n,
            };
            if (denseAcc !== undefined) values.gap = acc - denseAcc;
            ctx.emit({ type: 'summary', series, values });
          } finally {
            disposeMasks(masks);
          }
        }
      } finally {
        net.dispose();
      }
    }
  } finally {
    splits.dispose();
  }
});
