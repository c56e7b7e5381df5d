/**
 * NUPES / PowerQuant post-training weight quantization on a small MLP:
 *   1. train the float net once (arm `float`, metric events every `eval_every`);
 *   2. for each bit width b: quantize every layer's weights (biases stay float) with
 *        `uniform`           a = 1 (the uniform symmetric grid, scale = max |w|),
 *        `power_data_free`   a per layer minimising the weight reconstruction error,
 *        `power_data_driven` a per layer, in order, minimising the error of the layer's outputs on
 *                            `calibration` training images (its input taken from the already quantized
 *                            layers, its target the float net's output), PowerQuant's data-driven variant;
 *      evaluate on the test set and emit a summary { kind: 'quantized', arm, bits } with the accuracy
 *      and each layer's exponent; the float weights are restored between quantizers.
 *   3. at `figure_bits`, the weight error at every exponent of the grid, per layer
 *      (summaries { kind: 'search_curve', layer, a }).
 */
import type * as tfNs from '@tensorflow/tfjs';
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { optimizerOf } from '../../trainer/optim';
import { createRng } from '../../trainer/rng';
import { recipeImageTensors } from '../../trainer/data/index';
import { act, buildMlp, type Activation } from '../../trainer/model';
import { evaluate } from '../../trainer/loop';
import { trainSeries } from '../../trainer/trainSeries';
import { readDense, writeDense } from '../../trainer/denseLayers';
import type { DenseLayer } from '../../trainer/weightMatching';
import { exponentGrid, maxAbs, mse, powerQuantize, searchExponent } from '../../trainer/quantize';
import { nupes } from './index';

type Arm = 'uniform' | 'power_data_free' | 'power_data_driven';

export const recipe = defineRecipe(nupes, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const root = createRng(ctx.seed);
  const splits = recipeImageTensors(ctx);
  const { data, train, test } = splits;
  const net = buildMlp(tf, {
    input: data.inputShape[0],
    hidden: c.model.hidden,
    classes: data.numClasses,
    init: c.model.init,
    activation: c.model.activation as Activation,
    rng: root.fork('init'),
  });
  const arms: Arm[] = [
    'uniform',
    ...c.quant.searches.map((s) => (s === 'data_free' ? 'power_data_free' : 'power_data_driven') as Arm),
  ];
  const T = c.train.iterations;
  const budget = { done: 0, total: T + c.quant.bits.length * arms.length * 50 };
  const grid = exponentGrid(c.quant.exponent_min, c.quant.exponent_max, c.quant.grid);
  try {
    await trainSeries({
      ctx,
      net,
      series: { arm: 'float', kind: 'training' },
      optimizer: optimizerOf(c.train),
      iterations: T,
      batchSize: c.train.batch_size,
      evalEvery: c.train.eval_every,
      train,
      test,
      rng: root.fork('data-order'),
      budget,
      label: 'training the float network',
    });
    const float = readDense(net);
    const base = evaluate(tf, net, test);
    ctx.log(`float network: test accuracy ${(100 * base.acc).toFixed(2)}%`);
    for (const bits of c.quant.bits)
      ctx.emit({
        type: 'summary',
        series: { kind: 'quantized', arm: 'float', bits },
        values: { test_acc: base.acc, test_loss: base.loss, test_examples: test.n },
      });

    // Calibration images for the data-driven search: a fixed draw from the training set.
    const calib = tf.tidy(() => {
      const n = Math.min(c.quant.calibration, train.n);
      const idx = root
        .fork('calibration')
        .shuffle(Int32Array.from({ length: train.n }, (_, i) => i))
        .slice(0, n);
      return tf.gather(train.x, tf.tensor1d(idx as Int32Array, 'int32')) as tfNs.Tensor2D;
    });
    try {
      for (const bits of c.quant.bits) {
        for (const arm of arms) {
          if (ctx.shouldStop()) throw new StopRequested();
          const { layers, exponents } = quantizeAll(
            tf,
            float,
            bits,
            arm,
            grid,
            calib,
            c.model.activation as Activation,
          );
          writeDense(tf, net, layers);
          const r = evaluate(tf, net, test);
          const values: Record<string, number> = {
            test_acc: r.acc,
            test_loss: r.loss,
            test_examples: test.n,
            acc_drop: base.acc - r.acc,
          };
          exponents.forEach((a, l) => {
            values[`a_layer${l}`] = a;
            values[`weight_mse_layer${l}`] = mse(float[l].kernel, layers[l].kernel);
          });
          ctx.emit({ type: 'summary', series: { kind: 'quantized', arm, bits }, values });
          budget.done += 50;
          ctx.progress(budget.done, budget.total, `${bits} bits · ${arm.replace(/_/g, ' ')}`);
          writeDense(tf, net, float);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } finally {
      calib.dispose();
    }
    // The error-vs-exponent curves of PowerQuant's Fig. 2, at one bit width.
    float.forEach((layer, l) => {
      const s = maxAbs(layer.kernel);
      for (const a of grid)
        ctx.emit({
          type: 'summary',
          series: {
            arm: 'power_data_free',
            kind: 'search_curve',
            layer: l + 1,
            bits: c.quant.figure_bits,
            a: Number(a.toFixed(4)),
          },
          values: { weight_mse: mse(layer.kernel, powerQuantize(layer.kernel, c.quant.figure_bits, a, s)) },
        });
    });
  } finally {
    net.dispose();
    splits.dispose();
  }
});

/** The quantized copy of every layer for one quantizer at one bit width, with each layer's exponent. */
function quantizeAll(
  tf: typeof tfNs,
  float: DenseLayer[],
  bits: number,
  arm: Arm,
  grid: number[],
  calib: tfNs.Tensor2D,
  activation: Activation,
): { layers: DenseLayer[]; exponents: number[] } {
  const exponents: number[] = [];
  const layers: DenseLayer[] = [];
  // Data-driven: h is the calibration batch through the layers quantized so far; target through float ones.
  let hq: tfNs.Tensor2D = tf.clone(calib);
  let hf: tfNs.Tensor2D = tf.clone(calib);
  try {
    float.forEach((layer, l) => {
      const last = l === float.length - 1;
      const s = maxAbs(layer.kernel);
      let a = 1;
      if (arm === 'power_data_free')
        a = searchExponent((x) => mse(layer.kernel, powerQuantize(layer.kernel, bits, x, s)), grid).a;
      if (arm === 'power_data_driven') {
        const target = tf.tidy(() =>
          tf.add(tf.matMul(hf, tf.tensor2d(layer.kernel, [layer.fanIn, layer.fanOut])), tf.tensor1d(layer.bias)),
        );
        try {
          a = searchExponent(
            (x) =>
              tf.tidy(() => {
                const wq = tf.tensor2d(powerQuantize(layer.kernel, bits, x, s), [layer.fanIn, layer.fanOut]);
                const out = tf.add(tf.matMul(hq, wq), tf.tensor1d(layer.bias));
                return tf.mean(tf.square(tf.sub(out, target))).dataSync()[0];
              }),
            grid,
          ).a;
        } finally {
          target.dispose();
        }
      }
      exponents.push(a);
      const kernel = powerQuantize(layer.kernel, bits, a, s);
      layers.push({ ...layer, kernel, bias: Float32Array.from(layer.bias) });
      if (arm === 'power_data_driven' && !last) {
        const next = (h: tfNs.Tensor2D, k: Float32Array) =>
          tf.tidy(
            () =>
              act(
                tf,
                activation,
                tf.add(tf.matMul(h, tf.tensor2d(k, [layer.fanIn, layer.fanOut])), tf.tensor1d(layer.bias)),
              ) as tfNs.Tensor2D,
          );
        const [nq, nf] = [next(hq, kernel), next(hf, layer.kernel)];
        hq.dispose();
        hf.dispose();
        [hq, hf] = [nq, nf];
      }
    });
  } finally {
    hq.dispose();
    hf.dispose();
  }
  return { layers, exponents };
}
