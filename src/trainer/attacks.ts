/**
 * Adversarial attacks on any `Net` (MLP or conv), in input units (pixels in [0, 1]), and the pieces of
 * adversarial training that papers share:
 *   - FGSM (Goodfellow et al. 2015): x + ε·sign(∇ₓ CE(x, y));
 *   - step l.l. (Kurakin et al. 2017): x − ε·sign(∇ₓ CE(x, y_ll)), y_ll the least likely class;
 *   - PGD (Madry et al. 2018): k signed steps of size α from a uniform random start in the ℓ∞ ball,
 *     each projected back onto the ball and the pixel range;
 *   - error-vs-ε sweeps: one-step attacks need ONE input gradient per point, whatever ε (the sign is
 *     the same), so a sweep costs a forward pass per ε (Cubuk et al. 2017 sweep FGSM this way);
 *   - logit differences Δⱼ = z_top − z_j, whose distribution near 0 sets the small-ε error;
 *   - KL-regularised DRO instance weights (the closed form of max_w Σ wᵢℓᵢ − r·KL(w‖uniform)):
 *     wᵢ ∝ exp(ℓᵢ / r), used by instance-reweighted adversarial training;
 *   - per-example and weighted cross-entropy, per-class accuracy.
 * Input gradients are first-order only (tf.grad of a scalar): no nested autodiff, which tfjs 4.22 gets
 * wrong on wasm (shared/papers/next-batches.md §2).
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { Net } from './model';
import type { Rng } from './rng';

type Tf = typeof tfNs;

/** Pixel range the attacked inputs are clipped to. */
export interface AttackBox {
  min: number;
  max: number;
}
export const PIXELS: AttackBox = { min: 0, max: 1 };

/** Per-example softmax cross-entropy [n] of logits against one-hot labels. */
export function perExampleCrossEntropy(tf: Tf, logits: tfNs.Tensor2D, oneHot: tfNs.Tensor2D): tfNs.Tensor1D {
  return tf.neg(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), 1)) as tfNs.Tensor1D;
}

/** Σᵢ wᵢ·CEᵢ / n: the weighted empirical risk (weights with mean 1 keep the loss scale of plain CE). */
export function weightedCrossEntropy(
  tf: Tf,
  logits: tfNs.Tensor2D,
  oneHot: tfNs.Tensor2D,
  weights: tfNs.Tensor1D,
): tfNs.Scalar {
  return tf.mean(tf.mul(weights, perExampleCrossEntropy(tf, logits, oneHot))) as tfNs.Scalar;
}

/**
 * ∇ₓ of the SUMMED cross-entropy: row i is example i's own loss gradient (a mean would scale every row
 * by 1/n, which the sign ignores but step sizes in ℓ2 would not).
 */
export function inputGradient(tf: Tf, net: Net, x: tfNs.Tensor, oneHot: tfNs.Tensor2D): tfNs.Tensor {
  const loss = (xi: tfNs.Tensor) =>
    tf.sum(perExampleCrossEntropy(tf, net.forward(xi, { inputGradient: true }), oneHot)) as tfNs.Scalar;
  return tf.grad(loss)(x);
}

const clip = (tf: Tf, x: tfNs.Tensor, box: AttackBox) => tf.clipByValue(x, box.min, box.max);

/** FGSM: x + ε·sign(∇ₓ CE), clipped to the pixel range. */
export function fgsm(
  tf: Tf,
  net: Net,
  x: tfNs.Tensor,
  oneHot: tfNs.Tensor2D,
  eps: number,
  box: AttackBox = PIXELS,
): tfNs.Tensor {
  return tf.tidy(() => clip(tf, tf.add(x, tf.mul(tf.sign(inputGradient(tf, net, x, oneHot)), eps)), box));
}

/** One-hot of each row's least likely class under the net. */
export function leastLikely(tf: Tf, net: Net, x: tfNs.Tensor): tfNs.Tensor2D {
  return tf.tidy(() => {
    const logits = net.forward(x);
    return tf.oneHot(tf.argMin(logits, 1), logits.shape[1]).toFloat() as tfNs.Tensor2D;
  });
}

/** Step l.l.: a step that DEcreases the loss of the least likely class, x − ε·sign(∇ₓ CE(x, y_ll)). */
export function stepLeastLikely(tf: Tf, net: Net, x: tfNs.Tensor, eps: number, box: AttackBox = PIXELS): tfNs.Tensor {
  return tf.tidy(() => {
    const ll = leastLikely(tf, net, x);
    return clip(tf, tf.sub(x, tf.mul(tf.sign(inputGradient(tf, net, x, ll)), eps)), box);
  });
}

export interface PgdOptions {
  eps: number;
  /** Step size α; Madry et al. use 2.5·ε/k so k steps can cross the ball. */
  stepSize: number;
  steps: number;
  /** Start from a uniform draw in the ε-ball (Madry et al.) instead of x itself. */
  randomStart: boolean;
  /** Needed with randomStart: the start is drawn on the host so the same seed gives the same attack. */
  rng?: Rng;
  box?: AttackBox;
}

/** ℓ∞ PGD on CE(x, y): k signed ascent steps, each projected onto the ε-ball around x and the pixel range. */
export function pgd(tf: Tf, net: Net, x: tfNs.Tensor, oneHot: tfNs.Tensor2D, o: PgdOptions): tfNs.Tensor {
  const box = o.box ?? PIXELS;
  return tf.tidy(() => {
    let adv: tfNs.Tensor = x;
    if (o.randomStart) {
      if (!o.rng) throw new Error('pgd: randomStart needs an rng (the start is drawn on the host).');
      const noise = new Float32Array(x.size);
      for (let i = 0; i < noise.length; i++) noise[i] = (2 * o.rng.next() - 1) * o.eps;
      adv = clip(tf, tf.add(x, tf.tensor(noise, x.shape)), box);
    }
    const lo = tf.sub(x, o.eps);
    const hi = tf.add(x, o.eps);
    for (let s = 0; s < o.steps; s++) {
      const prev = adv;
      adv = tf.tidy(() => {
        const g = inputGradient(tf, net, prev, oneHot);
        const stepped = tf.add(prev, tf.mul(tf.sign(g), o.stepSize));
        return clip(tf, tf.minimum(tf.maximum(stepped, lo), hi), box);
      });
      if (prev !== x) prev.dispose();
    }
    return adv;
  });
}

export type SweepAttack = 'fgsm' | 'step_ll';

/**
 * Adversarial error at each ε of a one-step attack, from ONE input gradient per point. `base` chooses
 * which points count: `initially_correct` (error = fraction of the points the net got right that the
 * attack flips) or `all` (plain error on attacked inputs, clean mistakes included).
 */
export function oneStepErrorCurve(
  tf: Tf,
  net: Net,
  x: tfNs.Tensor,
  oneHot: tfNs.Tensor2D,
  epsilons: readonly number[],
  o: { attack: SweepAttack; base: 'initially_correct' | 'all'; box?: AttackBox; chunk?: number },
): { eps: number; error: number }[] {
  const box = o.box ?? PIXELS;
  const n = x.shape[0];
  const chunk = o.chunk ?? 500;
  const wrong = new Float64Array(epsilons.length);
  let counted = 0;
  for (let start = 0; start < n; start += chunk) {
    const size = Math.min(chunk, n - start);
    const part = tf.tidy(() => {
      const xs = tf.slice(x, start, size);
      const ys = tf.slice(oneHot, start, size) as tfNs.Tensor2D;
      const labels = tf.argMax(ys, 1);
      const correct0 = tf.cast(tf.equal(tf.argMax(net.forward(xs), 1), labels), 'float32');
      const mask = o.base === 'initially_correct' ? correct0 : tf.onesLike(correct0);
      const direction =
        o.attack === 'fgsm'
          ? tf.sign(inputGradient(tf, net, xs, ys))
          : tf.neg(tf.sign(inputGradient(tf, net, xs, leastLikely(tf, net, xs))));
      const errs = epsilons.map((e) => {
        const adv = clip(tf, tf.add(xs, tf.mul(direction, e)), box);
        const miss = tf.cast(tf.notEqual(tf.argMax(net.forward(adv), 1), labels), 'float32');
        return tf.sum(tf.mul(miss, mask));
      });
      return [tf.sum(mask), ...errs];
    });
    const values = part.map((t) => (t.dataSync() as Float32Array)[0]);
    part.forEach((t) => t.dispose());
    counted += values[0];
    values.slice(1).forEach((v, i) => (wrong[i] += v));
  }
  return epsilons.map((eps, i) => ({ eps, error: counted > 0 ? wrong[i] / counted : NaN }));
}

/** Adversarial error of PGD at each ε (k steps per ε: cost ∝ k·|ε|, unlike the one-step sweep). */
export function pgdErrorCurve(
  tf: Tf,
  net: Net,
  x: tfNs.Tensor,
  oneHot: tfNs.Tensor2D,
  epsilons: readonly number[],
  o: { steps: number; base: 'initially_correct' | 'all'; rng: Rng; box?: AttackBox },
): { eps: number; error: number }[] {
  return epsilons.map((eps) => {
    const [counted, wrong] = tf.tidy(() => {
      const labels = tf.argMax(oneHot, 1);
      const correct0 = tf.cast(tf.equal(tf.argMax(net.forward(x), 1), labels), 'float32');
      const mask = o.base === 'initially_correct' ? correct0 : tf.onesLike(correct0);
      const adv = pgd(tf, net, x, oneHot, {
        eps,
        stepSize: (2.5 * eps) / o.steps,
        steps: o.steps,
        randomStart: true,
        rng: o.rng,
        box: o.box,
      });
      const miss = tf.cast(tf.notEqual(tf.argMax(net.forward(adv), 1), labels), 'float32');
      return [tf.sum(mask), tf.sum(tf.mul(miss, mask))];
    });
    const c = (counted.dataSync() as Float32Array)[0];
    const w = (wrong.dataSync() as Float32Array)[0];
    counted.dispose();
    wrong.dispose();
    return { eps, error: c > 0 ? w / c : NaN };
  });
}

/**
 * For each example, the gap between its largest logit and its second largest (Δ₁₂ ≥ 0): a one-step
 * attack flips the prediction once it closes this gap, so the small-ε error follows the distribution
 * of Δ₁₂ near 0 (Cubuk et al. 2017, §3).
 */
export function topLogitGaps(tf: Tf, net: Net, x: tfNs.Tensor): Float32Array {
  const t = tf.tidy(() => {
    const { values } = tf.topk(net.forward(x), 2);
    const [a, b] = tf.split(values, 2, 1);
    return tf.reshape(tf.sub(a, b), [-1]);
  });
  const out = Float32Array.from(t.dataSync() as Float32Array);
  t.dispose();
  return out;
}

/**
 * Closed-form KL-regularised DRO weights over a batch, wᵢ = n·softmax(ℓ/r)ᵢ (mean 1): the maximiser of
 * Σ wᵢℓᵢ/n − r·KL(w/n ‖ uniform) on the simplex. r → ∞ gives uniform weights (plain adversarial
 * training), r → 0 puts all weight on the worst example. Constants for the gradient (computed outside
 * the tape).
 */
export function klDroWeights(tf: Tf, losses: tfNs.Tensor1D, r: number): tfNs.Tensor1D {
  return tf.tidy(() => tf.mul(tf.softmax(tf.div(losses, r)), losses.shape[0]) as tfNs.Tensor1D);
}

/** Accuracy per class (NaN for a class with no examples) and overall, from logits and one-hot labels. */
export function perClassAccuracy(
  tf: Tf,
  logits: tfNs.Tensor2D,
  oneHot: tfNs.Tensor2D,
): { overall: number; perClass: number[] } {
  const [pred, lab] = tf.tidy(() => [tf.argMax(logits, 1), tf.argMax(oneHot, 1)]);
  const p = pred.dataSync() as Int32Array;
  const l = lab.dataSync() as Int32Array;
  pred.dispose();
  lab.dispose();
  const k = oneHot.shape[1];
  const hit = new Array<number>(k).fill(0);
  const count = new Array<number>(k).fill(0);
  let all = 0;
  for (let i = 0; i < l.length; i++) {
    count[l[i]]++;
    if (p[i] === l[i]) (hit[l[i]]++, all++);
  }
  return { overall: l.length ? all / l.length : NaN, perClass: hit.map((h, c) => (count[c] ? h / count[c] : NaN)) };
}
