/**
 * One replication of local clustering with noisy labels (Back de Luca, Fountoulakis & Yang, ICLR
 * 2024): a stochastic block model whose block 0 is the target cluster K, node labels 1{i ∈ K}
 * flipped independently with probability `flip`, and three ways to recover K from one seed in it —
 * ℓ2 flow diffusion on the graph reweighted by the labels (edges between two label-1 nodes keep
 * weight 1, all others get ε), the same diffusion on the original graph, and the labels alone.
 */
import type { Rng } from '../../trainer/rng';
import {
  degrees,
  f1Score,
  l2FlowDiffusion,
  reweight,
  stochasticBlockModel,
  type Graph,
} from '../../trainer/algorithms/graph';

export interface LgcSettings {
  blocks: number;
  blockSize: number;
  pIn: number;
  pOut: number;
  epsilon: number;
  /** Source mass as a multiple of the target cluster's volume in the graph diffused on. */
  massFactor: number;
  /** Diffusion stops when no node holds more than (1 + tol) × its sink. */
  tol: number;
}

export const METHODS = ['weighted', 'original', 'labels'] as const;
export type Method = (typeof METHODS)[number];

export interface LgcReplication {
  f1: Record<Method, number>;
  precision: Record<Method, number>;
  recall: Record<Method, number>;
  /** Nodes whose mass was pushed at least once, per diffusion: how local the method stayed. */
  touched: { weighted: number; original: number };
  pushes: { weighted: number; original: number };
}

function volume(g: Graph, inTarget: (i: number) => boolean): number {
  const d = degrees(g);
  let v = 0;
  for (let i = 0; i < g.n; i++) if (inTarget(i)) v += d[i];
  return v;
}

export function runReplication(s: LgcSettings, flip: number, rng: Rng, graph?: Graph): LgcReplication {
  const n = s.blocks * s.blockSize;
  const block = Int32Array.from({ length: n }, (_, i) => Math.floor(i / s.blockSize));
  const g = graph ?? stochasticBlockModel(block, s.pIn, s.pOut, rng.fork('graph'));
  const inTarget = (i: number) => block[i] === 0;
  const labelRng = rng.fork('labels');
  const label = Uint8Array.from({ length: n }, (_, i) => (inTarget(i) !== labelRng.next() < flip ? 1 : 0));
  const seed = rng.fork('seed').int(s.blockSize); // a node of the target cluster

  // Sinks are every node's degree in the original graph, and the source mass a multiple of the target
  // cluster's original volume, for both diffusions: the labels change only which edges carry flow cheaply.
  const sink = degrees(g);
  const mass = s.massFactor * volume(g, inTarget);
  const diffuse = (h: Graph) => l2FlowDiffusion(h, new Map([[seed, mass]]), sink, s.tol);
  const weightedGraph = reweight(g, (u, v) => (label[u] && label[v] ? 1 : s.epsilon));
  const w = diffuse(weightedGraph);
  const o = diffuse(g);
  const labelled: number[] = [];
  for (let i = 0; i < n; i++) if (label[i]) labelled.push(i);

  const scores = {
    weighted: f1Score(w.support, inTarget, s.blockSize),
    original: f1Score(o.support, inTarget, s.blockSize),
    labels: f1Score(labelled, inTarget, s.blockSize),
  };
  const pick = (key: 'f1' | 'precision' | 'recall') =>
    Object.fromEntries(METHODS.map((m) => [m, scores[m][key]])) as Record<Method, number>;
  return {
    f1: pick('f1'),
    precision: pick('precision'),
    recall: pick('recall'),
    touched: { weighted: w.support.length, original: o.support.length },
    pushes: { weighted: w.pushes, original: o.pushes },
  };
}
