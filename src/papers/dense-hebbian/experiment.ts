/**
 * One trial of supervised dense Hebbian learning (Agliari et al., "Dense Hebbian neural networks: a
 * replica symmetric picture of supervised learning"): K random ±1 archetypes, M noisy examples of
 * each (every entry kept with probability (1 + r)/2, flipped otherwise — quality r), the teacher's
 * class averages stored with P-body Hebbian couplings, and Glauber dynamics started near each tested
 * archetype. The score is the Mattis magnetization with the archetype, which the examples never show
 * without noise.
 */
import type { Rng } from '../../trainer/rng';
import { glauber, type DenseNetwork } from '../../trainer/spin/denseHebbian';

export interface HebbianSettings {
  N: number;
  K: number;
  M: number;
  r: number;
  P: number;
  beta: number;
  sweeps: number;
  /** Fraction of the archetype's units flipped in the starting state. */
  startNoise: number;
  /** Archetypes retrieved per network. */
  tested: number;
}

export interface Trial {
  /** Mattis magnetization with the archetype after the dynamics, per tested archetype. */
  magnetization: number[];
  /** The best a state aligned with the class average can do: (1/N) Σ ξ_i sign(ξ̂_i) (ties count ½). */
  ceiling: number[];
  updates: number;
}

export interface Dataset {
  archetypes: Int8Array;
  averages: Float64Array;
}

export function drawDataset(N: number, K: number, M: number, r: number, rng: Rng): Dataset {
  const archetypes = Int8Array.from({ length: K * N }, () => (rng.next() < 0.5 ? -1 : 1));
  const averages = new Float64Array(K * N);
  const keep = (1 + r) / 2;
  for (let j = 0; j < K * N; j++) {
    let s = 0;
    for (let a = 0; a < M; a++) s += rng.next() < keep ? 1 : -1;
    averages[j] = (archetypes[j] * s) / M;
  }
  return { archetypes, averages };
}

/** Runs the dynamics for the P given, on a dataset shared by every P compared. */
export function runTrial(s: HebbianSettings, data: Dataset, rng: Rng): Trial {
  const { N, K } = s;
  // E[ξ̂²] = r² + (1 − r²)/M: dividing by its root puts a retrieved class average at overlap ≈ 1.
  const net: DenseNetwork = {
    patterns: data.averages,
    K,
    N,
    P: s.P,
    scale: Math.sqrt(s.r ** 2 + (1 - s.r ** 2) / s.M),
  };
  const magnetization: number[] = [];
  const ceiling: number[] = [];
  let updates = 0;
  for (let mu = 0; mu < Math.min(s.tested, K); mu++) {
    const xi = data.archetypes.subarray(mu * N, (mu + 1) * N);
    const start = Int8Array.from(xi, (v) => (rng.next() < s.startNoise ? -v : v));
    const res = glauber(net, start, s.beta, s.sweeps, rng);
    updates += res.updates;
    let m = 0;
    let c = 0;
    for (let i = 0; i < N; i++) {
      m += xi[i] * res.sigma[i];
      const avg = data.averages[mu * N + i];
      c += avg === 0 ? 0 : xi[i] * Math.sign(avg);
    }
    magnetization.push(m / N);
    ceiling.push(c / N);
  }
  return { magnetization, ceiling, updates };
}
