/**
 * A training step of a plain dense MLP (model.ts `plainDenseChain`) on wasm as direct calls into our
 * kernels: batch rows copied into buffers that live as long as the loop, the forward products, the
 * loss, the backward products and the fused optimizer update — and no tfjs op in between.
 *
 * Why: with every layer already one op of ours (fused.ts), what a LeNet-300-100 step still spent in
 * tfjs was its machinery — the autograd tape, a copy of every tensor a layer saves for its backward
 * pass (the weights included), a fresh allocation for each output, ~20 dispatches: the same step
 * through tfjs takes 1.17–1.19× as long (docs/performance.md). Here the same kernels run in the same
 * order on the same numbers as the fused-op path, so a run gives the same bits either way
 * (test/unit/trainer/mlpStep.test.ts).
 *
 * The loop takes this path only for its plain step — the default cross-entropy, no batch transform,
 * no frozen entries, no gradient norms — and the optimizer's fused update (it passes the gradient
 * buffers to `optimizer.apply` as tensors, so masks and every optimizer setting work as before).
 */
import type * as tfNs from '@tensorflow/tfjs';
import type { TensorSplit } from '../loop';
import { plainDenseChain, type Net } from '../model';
import { softmaxCrossEntropyInto } from './fused';
import { fusedLayersActive, gemmScratchBytes, kernelsOn, scratchOn, type WasmBackendLike } from './index';

type Tf = typeof tfNs;

export interface DirectStep {
  /** Trains on the rows `idx` of the split; returns the batch's mean loss as float32. */
  gradients(idx: Int32Array): number;
  /** The gradient of each variable (weights and biases, by name), valid until the next step. */
  readonly grads: Record<string, tfNs.Tensor>;
  dispose(): void;
}

/** The direct step for this net and split, or undefined where it does not apply (then the loop uses tfjs ops). */
export function directMlpStep(tf: Tf, net: Net, split: TensorSplit, batchSize: number): DirectStep | undefined {
  const layers = plainDenseChain(net);
  const host = split.host;
  if (!layers || !host || !fusedLayersActive(tf)) return undefined;
  const widths = [layers[0].weight.shape[0], ...layers.map((l) => l.weight.shape[1])] as number[];
  if (host.x.length !== split.n * widths[0] || host.classes !== widths[widths.length - 1]) return undefined;
  const relu = net.activation === 'relu';
  const be = tf.backend() as unknown as WasmBackendLike;
  const ks = kernelsOn(be);
  const B = batchSize;
  const L = layers.length;
  // Buffers as tensors of their own (so tfjs owns and frees the memory); kernels write them in place.
  const buffer = (shape: number[]) => tf.keep(tf.zeros(shape));
  const x = buffer([B, widths[0]]);
  const y = buffer([B, widths[L]]);
  const act = widths.slice(1).map((w) => buffer([B, w])); // act[l]: output of layer l
  const g = widths.slice(1).map((w) => buffer([B, w])); // g[l]: gradient at layer l's pre-activation
  const dX = widths.slice(1, L).map((w) => buffer([B, w])); // dX[l]: gradient at layer l+1's input
  const dW = layers.map((l) => buffer([...l.weight.shape]));
  const db = layers.map((l) => buffer([...l.bias.shape]));
  const grads: Record<string, tfNs.Tensor> = {};
  layers.forEach((l, i) => {
    grads[l.weight.name] = dW[i];
    grads[l.bias.name] = db[i];
  });
  const all = [x, y, ...act, ...g, ...dX, ...dW, ...db];
  const at = (t: tfNs.Tensor) => ks.offset(t);

  return {
    grads,
    gradients(idx) {
      // The heap may have grown since the last step (an evaluation, a hook): views are made per step.
      let heap = new Float32Array(be.wasm.HEAPU8.buffer);
      const dim = widths[0];
      const classes = widths[L];
      const px = at(x) / 4;
      const py = at(y) / 4;
      heap.fill(0, py, py + B * classes);
      for (let i = 0; i < B; i++) {
        const j = idx[i];
        heap.set(host.x.subarray(j * dim, (j + 1) * dim), px + i * dim);
        heap[py + i * classes + host.labels[j]] = 1;
      }
      // Forward, as PaperlabDense: the product, then bias and ReLU (none on the logits).
      for (let l = 0; l < L; l++) {
        const input = l === 0 ? at(x) : at(act[l - 1]);
        const scratch = scratchOn(be, gemmScratchBytes(B, widths[l], widths[l + 1], false));
        ks.k.gemm(B, widths[l + 1], widths[l], input, 0, at(layers[l].weight), 0, at(act[l]), scratch);
        ks.k.bias_act(B, widths[l + 1], at(act[l]), at(layers[l].bias), relu && l < L - 1 ? 1 : 0);
      }
      heap = new Float32Array(be.wasm.HEAPU8.buffer); // scratchOn may have grown the heap
      // The loss and its gradient, as PaperlabSoftmaxCE (the loss rounded to float32 as it stores it).
      const loss = Math.fround(softmaxCrossEntropyInto(heap, at(act[L - 1]), at(y), at(g[L - 1]), B, classes));
      // Backward, as PaperlabDenseGrad, last layer first; the net's input gets no gradient.
      for (let l = L - 1; l >= 0; l--) {
        const dy = l === L - 1 ? at(g[L - 1]) : at(dX[l]);
        ks.k.bias_act_grad(B, widths[l + 1], dy, at(act[l]), relu && l < L - 1 ? 1 : 0, at(g[l]), at(db[l]));
        const input = l === 0 ? at(x) : at(act[l - 1]);
        let scratch = scratchOn(be, gemmScratchBytes(widths[l], B, widths[l + 1], false));
        ks.k.gemm(widths[l], widths[l + 1], B, input, 1, at(g[l]), 0, at(dW[l]), scratch);
        if (l > 0) {
          scratch = scratchOn(be, gemmScratchBytes(B, widths[l + 1], widths[l], true));
          ks.k.gemm(B, widths[l], widths[l + 1], at(g[l]), 0, at(layers[l].weight), 1, at(dX[l - 1]), scratch);
        }
      }
      return loss;
    },
    dispose() {
      all.forEach((t) => t.dispose());
    },
  };
}
