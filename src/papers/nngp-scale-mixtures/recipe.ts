/**
 * Recipe for `paper: nngp-scale-mixtures`.
 *
 * Prior (sample.py, part `initial`): `networks` random networks per arm, batched in tfjs, evaluated on
 * the inputs; arm `invgamma` draws each network's last-layer variance σ² ~ InvGamma(α, β), arm `nngp`
 * fixes it at 1. One summary per network (its output at `input_index`, the histogram's samples),
 * then a summary per arm: the predicted laws' parameters and KS tests of the samples against them.
 *
 * Regression (regression.py): NNGP kernels on a synthetic task; test NLL of the t-process posterior
 * (`invgamma`) and of the fixed-variance NNGP (`nngp`) per outlier fraction and per input shift.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { createRng, type Rng } from '../../trainer/rng';
import { ksTest, moments, normalCdf, studentTCdf } from '../../core/stats';
import { nngpScaleMixtures } from './index';
import {
  comparePredictives,
  evaluationInputs,
  invGammaSample,
  layerVariances,
  priorVariance,
  regressionKernels,
  regressionSample,
  regressionTask,
  type RegressionSet,
} from './experiment';
import type { NngpConfig } from './schema';

type Tf = typeof tfNs;

/** Outputs [networks, inputs] of random networks, `batch` at a time; `lastStd(i)` is network i's σ. */
async function sampleNetworks(
  tf: Tf,
  p: NngpConfig['prior'],
  xs: number[],
  lastStd: (i: number) => number,
  rng: Rng,
  onBatch: (done: number) => Promise<void>,
): Promise<Float32Array[]> {
  const P = xs.length;
  const w = p.width;
  const out: Float32Array[] = [];
  const batch = Math.max(1, Math.min(50, Math.floor(4e6 / (w * w))));
  const seed = () => rng.int(2 ** 31 - 1);
  const x = tf.tensor3d(Float32Array.from(xs), [1, P, 1]);
  const act = (t: tfNs.Tensor) => (p.activation === 'erf' ? tf.erf(t) : tf.relu(t));
  for (let start = 0; start < p.networks; start += batch) {
    const B = Math.min(batch, p.networks - start);
    const sig = Float32Array.from({ length: B }, (_, i) => lastStd(start + i) / Math.sqrt(w));
    const y = tf.tidy(() => {
      // Layer 1: fan-in 1.
      let h = act(
        tf.add(
          tf.matMul(tf.tile(x, [B, 1, 1]), tf.mul(tf.randomNormal([B, 1, w], 0, 1, 'float32', seed()), p.w_std)),
          tf.mul(tf.randomNormal([B, 1, w], 0, 1, 'float32', seed()), p.b_std),
        ),
      ) as tfNs.Tensor3D;
      for (let l = 1; l < p.depth; l++)
        h = act(
          tf.add(
            tf.matMul(h, tf.mul(tf.randomNormal([B, w, w], 0, 1, 'float32', seed()), p.w_std / Math.sqrt(w))),
            tf.mul(tf.randomNormal([B, 1, w], 0, 1, 'float32', seed()), p.b_std),
          ),
        ) as tfNs.Tensor3D;
      const readout = tf.mul(tf.randomNormal([B, w, 1], 0, 1, 'float32', seed()), tf.tensor3d(sig, [B, 1, 1]));
      return tf.reshape(tf.matMul(h, readout), [B, P]);
    });
    const v = (await y.data()) as Float32Array;
    y.dispose();
    for (let i = 0; i < B; i++) out.push(v.slice(i * P, (i + 1) * P));
    await onBatch(start + B);
  }
  x.dispose();
  return out;
}

export const recipe = defineRecipe(nngpScaleMixtures, async (ctx) => {
  const c = ctx.config;
  const p = c.prior;
  const { tf } = ctx;
  const root = createRng(ctx.seed);
  const xs = evaluationInputs(p.inputs);
  const idx = Math.min(p.input_index, xs.length - 1);
  const K = priorVariance(xs, p.depth, p.w_std, p.b_std, p.activation);
  const nu = 2 * p.alpha;
  const outlierPoints = c.regression.enabled ? c.regression.outlier_fractions.length + c.regression.shifts.length : 0;
  const total = 2 * p.networks + outlierPoints;
  let done = 0;
  const tick = async (label: string, to?: number) => {
    if (ctx.shouldStop()) throw new StopRequested();
    done = to ?? done + 1;
    ctx.progress(done, total, label);
    await new Promise((r) => setImmediate(r));
  };
  ctx.log(
    `NNGP variance at x = ${xs[idx].toFixed(3)}: ${K[idx].toFixed(4)}; predicted Student-t ν = ${nu}, scale ${Math.sqrt((p.beta / p.alpha) * K[idx]).toFixed(4)}`,
  );

  for (const arm of ['nngp', 'invgamma'] as const) {
    const scaleRng = root.fork(`${arm}/last-layer`);
    const stds = Array.from({ length: p.networks }, () =>
      arm === 'nngp' ? 1 : Math.sqrt(invGammaSample(p.alpha, p.beta, scaleRng)),
    );
    const offset = arm === 'nngp' ? 0 : p.networks;
    const outs = await sampleNetworks(
      tf,
      p,
      xs,
      (i) => stds[i],
      root.fork(`${arm}/weights`),
      (d) => tick(`${arm} · ${d}/${p.networks} networks`, offset + d),
    );
    const at = outs.map((o) => o[idx]);
    // One summary per network (not metric events: these are samples, not a training curve).
    at.forEach((v, i) =>
      ctx.emit({ type: 'summary', series: { arm, part: 'sample', network: i }, values: { output: v } }),
    );
    const m = moments(at);
    const matchedSd = Math.sqrt(m.variance);
    const tScale = Math.sqrt((p.beta / p.alpha) * K[idx]);
    // The law the paper predicts for this arm, tested at every input (how often it is not rejected).
    const predicted = (j: number) =>
      arm === 'nngp'
        ? (v: number) => normalCdf(v, 0, Math.sqrt(K[j]))
        : (v: number) => studentTCdf(v, nu, 0, Math.sqrt((p.beta / p.alpha) * K[j]));
    let pass = 0;
    for (let j = 0; j < xs.length; j++)
      if (
        ksTest(
          outs.map((o) => o[j]),
          predicted(j),
        ).p > 0.05
      )
        pass++;
    const ksPred = ksTest(at, predicted(idx));
    const ksGauss = ksTest(at, (v) => normalCdf(v, m.mean, matchedSd));
    ctx.emit({
      type: 'summary',
      series: { arm, part: 'prior' },
      values: {
        x: xs[idx],
        nngp_var: K[idx],
        ...(arm === 'nngp' ? { nngp_sd: Math.sqrt(K[idx]) } : { t_df: nu, t_scale: tScale, matched_sd: matchedSd }),
        sample_var: m.variance,
        excess_kurtosis: m.excessKurtosis,
        ks_predicted_d: ksPred.d,
        ks_predicted_p: ksPred.p,
        ks_gaussian_p: ksGauss.p,
        predicted_pass_fraction: pass / xs.length,
      },
    });
    ctx.log(
      `${arm}: KS vs the predicted law p = ${ksPred.p.toFixed(3)}, vs a Gaussian of the same variance p = ${ksGauss.p.toExponential(2)}, excess kurtosis ${m.excessKurtosis.toFixed(2)}`,
    );
  }

  if (!c.regression.enabled) return;
  const r = c.regression;
  const task = regressionTask(r.dim, root.fork('regression/task'));
  const layers = layerVariances(r.hidden_layers, r.w_var, r.b_var);
  const opts = { alpha: r.alpha, beta: r.beta, lastLayerVar: r.last_layer_var, epsilon: r.epsilon };
  const kernels = (train: RegressionSet, test: RegressionSet) =>
    regressionKernels(train, test, r.dim, layers, r.activation);
  // find.py's grids: ε = 1e-6 … 1e4, α, β ∈ {1, 2, 3}.
  const grids = { epsilons: Array.from({ length: 11 }, (_, i) => 10 ** (i - 6)), alphas: [1, 2, 3], betas: [1, 2, 3] };
  const tuneOn = (train: RegressionSet, val: RegressionSet) =>
    r.tune ? { kVal: kernels(train, val), val, ...grids } : undefined;
  const emit = (sweep: string, tag: Record<string, number>, s: ReturnType<typeof comparePredictives>) => {
    ctx.emit({
      type: 'summary',
      series: { arm: 'nngp', part: 'regression', sweep, ...tag },
      values: { ...s.constant },
    });
    ctx.emit({
      type: 'summary',
      series: { arm: 'invgamma', part: 'regression', sweep, ...tag },
      values: { ...s.invgamma },
    });
  };
  for (const f of r.outlier_fractions) {
    const rng = root.fork(`regression/outliers/${f}`);
    const noise = { xScale: 1, noise: r.noise, outlierFraction: f, outlierScale: r.outlier_scale };
    const train = regressionSample(task, r.train, noise, rng.fork('train'));
    const val = regressionSample(task, r.validation, noise, rng.fork('validation'));
    const test = regressionSample(task, r.test, noise, rng.fork('test'));
    emit(
      'outliers',
      { outlier_fraction: f },
      comparePredictives(kernels(train, test), train, test, opts, tuneOn(train, val)),
    );
    await tick(`regression · outliers ${f}`);
  }
  const rng = root.fork('regression/shift');
  const clean = { xScale: 1, noise: r.noise, outlierFraction: 0, outlierScale: r.outlier_scale };
  const train = regressionSample(task, r.train, clean, rng.fork('train'));
  // Tuned once on in-distribution validation data: the shifted test sets are out of distribution.
  const tune = tuneOn(train, regressionSample(task, r.validation, clean, rng.fork('validation')));
  for (const s of r.shifts) {
    const test = regressionSample(task, r.test, { ...clean, xScale: s }, rng.fork(`test/${s}`));
    emit('shift', { shift: s }, comparePredictives(kernels(train, test), train, test, opts, tune));
    await tick(`regression · input shift ×${s}`);
  }
});
