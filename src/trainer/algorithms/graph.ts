/**
 * Graphs for local clustering: an undirected weighted graph in compressed-sparse-row form, a
 * stochastic block model generator, edge reweighting, ℓ2-norm flow diffusion (Fountoulakis, Wang &
 * Yang, "p-Norm Flow Diffusion for Local Graph Clustering", ICML 2020, p = 2) and F1 of a recovered
 * cluster. Plain TypeScript: diffusion touches only the nodes the mass reaches, which is the point
 * of local methods, so its work is counted (pushes, edges scanned) beside CPU time.
 */
import type { Rng } from '../rng';

export interface Graph {
  n: number;
  /** CSR: neighbours of i are adj[start[i] … start[i+1]). */
  start: Int32Array;
  adj: Int32Array;
  weight: Float64Array;
}

/** Builds a CSR graph from an undirected edge list (each edge once). */
export function fromEdges(n: number, edges: ArrayLike<number>, weights?: ArrayLike<number>): Graph {
  const m = edges.length / 2;
  const deg = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    deg[edges[2 * e]]++;
    deg[edges[2 * e + 1]]++;
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + deg[i];
  const fill = Int32Array.from(start.subarray(0, n));
  const adj = new Int32Array(2 * m);
  const weight = new Float64Array(2 * m);
  for (let e = 0; e < m; e++) {
    const [u, v] = [edges[2 * e], edges[2 * e + 1]];
    const w = weights ? weights[e] : 1;
    adj[fill[u]] = v;
    weight[fill[u]++] = w;
    adj[fill[v]] = u;
    weight[fill[v]++] = w;
  }
  return { n, start, adj, weight };
}

/** Weighted degree of every node. */
export function degrees(g: Graph): Float64Array {
  const d = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) for (let e = g.start[i]; e < g.start[i + 1]; e++) d[i] += g.weight[e];
  return d;
}

/**
 * A stochastic block model: `block[i]` is node i's block; each pair inside a block is an edge with
 * probability pIn, across blocks with pOut. Pairs are skipped geometrically, so the cost is the
 * number of edges, not n².
 */
export function stochasticBlockModel(block: Int32Array, pIn: number, pOut: number, rng: Rng): Graph {
  const n = block.length;
  const edges: number[] = [];
  const pMax = Math.max(pIn, pOut);
  if (pMax > 0) {
    // Draw candidate pairs at rate pMax, keep each with p(pair)/pMax (thinning).
    const logq = Math.log(1 - Math.min(pMax, 1 - 1e-12));
    let i = 0;
    let j = 0; // pair (i, j) with j < i, enumerated row by row
    for (;;) {
      const skip = pMax >= 1 ? 0 : Math.floor(Math.log(1 - rng.next()) / logq);
      j += skip;
      while (i < n && j >= i) {
        j -= i;
        i++;
      }
      if (i >= n) break;
      const p = block[i] === block[j] ? pIn : pOut;
      if (p >= pMax || rng.next() < p / pMax) edges.push(i, j);
      j++;
    }
  }
  return fromEdges(n, edges);
}

/** The same edges with new weights `w(u, v)` (called once per edge). */
export function reweight(g: Graph, w: (u: number, v: number) => number): Graph {
  const weight = new Float64Array(g.weight.length);
  for (let u = 0; u < g.n; u++) for (let e = g.start[u]; e < g.start[u + 1]; e++) weight[e] = w(u, g.adj[e]);
  return { ...g, weight };
}

export interface FlowDiffusion {
  /** Dual variables (node embeddings); the cluster is their support. */
  x: Float64Array;
  /** Mass at each node after the flows settle (≤ its sink capacity, up to tol). */
  mass: Float64Array;
  /** Nodes with x > 0. */
  support: number[];
  pushes: number;
  edgesScanned: number;
}

/**
 * ℓ2-norm flow diffusion: source mass `source` (node → amount), sink capacity `sink[i]` at every node
 * (the weighted degree in the papers); solved in the dual by exact coordinate steps ("push"): a node
 * holding more mass than its sink raises its x by excess/degree and spreads the excess to its
 * neighbours in proportion to edge weight. Stops when every node holds at most (1 + tol) × its sink:
 * an absolute tolerance would make mass crawl forever across ε-weight edges.
 */
export function l2FlowDiffusion(
  g: Graph,
  source: Map<number, number>,
  sink: Float64Array,
  tol = 1e-4,
  maxPushes = 50_000_000,
): FlowDiffusion {
  const deg = degrees(g);
  const x = new Float64Array(g.n);
  const mass = new Float64Array(g.n);
  const queue: number[] = [];
  const queued = new Uint8Array(g.n);
  for (const [i, m] of source) {
    mass[i] += m;
    if (mass[i] > sink[i] * (1 + tol) && !queued[i]) {
      queue.push(i);
      queued[i] = 1;
    }
  }
  let pushes = 0;
  let edgesScanned = 0;
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head];
    queued[i] = 0;
    const excess = mass[i] - sink[i];
    if (excess <= tol * sink[i] || deg[i] === 0) continue;
    if (++pushes > maxPushes)
      throw new Error('Flow diffusion did not settle: the source mass exceeds what the graph can absorb.');
    x[i] += excess / deg[i];
    mass[i] = sink[i];
    for (let e = g.start[i]; e < g.start[i + 1]; e++) {
      const j = g.adj[e];
      mass[j] += (excess * g.weight[e]) / deg[i];
      if (!queued[j] && mass[j] > sink[j] * (1 + tol)) {
        queue.push(j);
        queued[j] = 1;
      }
    }
    edgesScanned += g.start[i + 1] - g.start[i];
    // Compact the queue now and then so it does not grow without bound.
    if (head > 100_000 && head > queue.length / 2) {
      queue.splice(0, head + 1);
      head = -1;
    }
  }
  const support: number[] = [];
  for (let i = 0; i < g.n; i++) if (x[i] > 0) support.push(i);
  return { x, mass, support, pushes, edgesScanned };
}

/** Precision, recall and F1 of a recovered node set against the true one. */
export function f1Score(found: Iterable<number>, truth: (i: number) => boolean, truthSize: number) {
  let tp = 0;
  let size = 0;
  for (const i of found) {
    size++;
    if (truth(i)) tp++;
  }
  const precision = size ? tp / size : 0;
  const recall = truthSize ? tp / truthSize : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, size };
}
