/**
 * Federated averaging simulated inside one process (Wang & Ji, "A Lightweight Method for Tackling
 * Unknown Participation Statistics in Federated Averaging", ICLR 2024; official code IBM/fedau):
 *   - clients' data: for each class, a Dirichlet(α) share per client, each class's examples cut in
 *     client order by the cumulative shares (util.py `partition`);
 *   - participation probabilities: a Dirichlet(α) multiplier over classes, each client's probability
 *     = its class mix · multiplier · (mean · classes), floored (util.py `data_participation_each_node`),
 *     so participation is heterogeneous AND correlated with the data;
 *   - participation processes per client: Bernoulli(p), a two-state Markov chain with stationary
 *     probability p, or cyclic (active ≈ p·cycle rounds out of `cycle`) (util.py `WorkerSampler`);
 *   - aggregation weights: FedAU's online estimate of 1/p — the mean of the intervals between a
 *     client's participations, an interval closed at K rounds without one (main.py `adaptive`) —, the
 *     known 1/p (`known_prob`), 1 with division by all N (`average_all`) or by the participants
 *     (`average_participating`, plain FedAvg);
 *   - the server step θ ← θ + η_g · Σ_{participants} ω_n Δ_n / D, D = N except for
 *     average_participating (D = number of participants).
 * Local training is the shared loop; these are the pieces around it.
 */
import { sampleGamma, type Rng } from './rng';

/** One draw of a symmetric Dirichlet(α, …, α) over k categories. */
export function sampleDirichlet(rng: Rng, alpha: number, k: number): number[] {
  const g = Array.from({ length: k }, () => sampleGamma(rng, alpha));
  const s = g.reduce((a, b) => a + b, 0);
  // With tiny α every gamma draw can underflow to 0: put the mass on the largest (here: the first).
  return s > 0 ? g.map((x) => x / s) : g.map((_, i) => (i === 0 ? 1 : 0));
}

/**
 * Splits example indices among clients: client n gets, of class c, the slice between the cumulative
 * shares Σ_{m<n} q_mc / Σ_m q_mc and Σ_{m≤n} q_mc / Σ_m q_mc of that class's examples (in data order),
 * where q_n ~ Dirichlet(α) over classes. Every example goes to exactly one client.
 */
export function dirichletLabelSplit(
  labels: Int32Array,
  classes: number,
  clients: number,
  alpha: number,
  rng: Rng,
): Int32Array[] {
  const q = Array.from({ length: clients }, () => sampleDirichlet(rng, alpha, classes));
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  labels.forEach((l, i) => byClass[l].push(i));
  const out: number[][] = Array.from({ length: clients }, () => []);
  for (let c = 0; c < classes; c++) {
    const total = q.reduce((a, qn) => a + qn[c], 0);
    let cum = 0;
    let start = 0;
    for (let n = 0; n < clients; n++) {
      cum += q[n][c];
      const end = n === clients - 1 ? byClass[c].length : Math.round((byClass[c].length * cum) / total);
      for (let j = start; j < end; j++) out[n].push(byClass[c][j]);
      start = Math.max(start, end);
    }
  }
  return out.map((a) => Int32Array.from(a));
}

/** Fraction of each class among the given examples (zeros for an empty client). */
export function classMix(labels: Int32Array, idx: Int32Array, classes: number): number[] {
  const m = new Array<number>(classes).fill(0);
  for (const i of idx) m[labels[i]]++;
  return idx.length ? m.map((x) => x / idx.length) : m;
}

/**
 * p_n = max(min, (mix_n · u) · mean · classes) with u ~ Dirichlet(α) over classes: clients holding
 * the favoured classes participate more often. Mean of p before the floor is `mean` in expectation.
 */
export function participationProbabilities(
  mixes: number[][],
  rng: Rng,
  o: { alpha: number; mean: number; min: number },
): number[] {
  const classes = mixes[0]?.length ?? 0;
  const u = sampleDirichlet(rng, o.alpha, classes);
  return mixes.map((mix) => Math.min(1, Math.max(o.min, mix.reduce((a, m, c) => a + m * u[c], 0) * o.mean * classes)));
}

export type ParticipationKind = 'bernoulli' | 'markov' | 'cyclic';

export interface Participation {
  /** Whether the client participates this round (advances its state). */
  next(): boolean;
  readonly probability: number;
}

/**
 * A client's participation process with long-run rate p. `markov`: from inactive, become active with
 * probability `toActive`; from active, become inactive with toActive·(1/p − 1) (so the stationary
 * probability is p), both rescaled when that exceeds 1. `cyclic`: round(p·cycle) active rounds then the
 * rest inactive, starting at a random phase of the inactive part.
 */
export function createParticipation(
  kind: ParticipationKind,
  p: number,
  rng: Rng,
  o: { toActive?: number; cycle?: number } = {},
): Participation {
  if (kind === 'bernoulli') return { probability: p, next: () => rng.next() < p };
  if (kind === 'markov') {
    let up = o.toActive ?? 0.05;
    let down = up * (1 / p - 1);
    if (down > 1) ((up /= down), (down = 1));
    let active = rng.next() < p;
    return {
      probability: p,
      next: () => {
        active = active ? !(rng.next() < down) : rng.next() < up;
        return active;
      },
    };
  }
  const cycle = o.cycle ?? 100;
  const on = Math.max(1, Math.round(cycle * p));
  const off = Math.max(1, cycle - on);
  let active = false;
  let toSwitch = rng.int(off);
  return {
    probability: p,
    next: () => {
      if (toSwitch === 0) {
        active = !active;
        toSwitch = active ? on : off;
      }
      toSwitch--;
      return active;
    },
  };
}

export type Weighting = 'fedau' | 'known_prob' | 'average_all' | 'average_participating';

/**
 * FedAU's per-client estimate of 1/p: the mean of the closed intervals between participations (a
 * participation closes an interval of (rounds since the last one) + 1; K rounds without one close an
 * interval of K). A client with no closed interval yet gets weight 1.
 */
export class IntervalWeights {
  private readonly sinceLast: Int32Array;
  private readonly sum: Float64Array;
  private readonly count: Int32Array;

  constructor(
    clients: number,
    private readonly cutoff = Infinity,
  ) {
    this.sinceLast = new Int32Array(clients);
    this.sum = new Float64Array(clients);
    this.count = new Int32Array(clients);
  }

  /** The weight client n's update gets if it participates now (before this round is recorded). */
  weight(n: number): number {
    return this.count[n] > 0 ? this.sum[n] / this.count[n] : 1;
  }

  /** Records one round of client n. */
  record(n: number, participated: boolean): void {
    if (participated) {
      this.sum[n] += this.sinceLast[n] + 1;
      this.count[n]++;
      this.sinceLast[n] = 0;
    } else if (++this.sinceLast[n] >= this.cutoff) {
      this.sum[n] += this.sinceLast[n];
      this.count[n]++;
      this.sinceLast[n] = 0;
    }
  }
}

/** ω_n for a participating client under each weighting (main.py), and the divisor D of the round. */
export function aggregationWeight(w: Weighting, n: number, p: number, intervals: IntervalWeights): number {
  if (w === 'fedau') return intervals.weight(n);
  if (w === 'known_prob') return 1 / p;
  return 1;
}

export function roundDivisor(w: Weighting, clients: number, participants: number): number {
  return w === 'average_participating' ? participants : clients;
}

/** θ ← θ + η_g · Σ ω_n Δ_n / D, in place (host vectors). A round with no participant leaves θ alone. */
export function serverStep(
  theta: Float32Array,
  updates: readonly { delta: Float32Array; weight: number }[],
  divisor: number,
  globalLr: number,
): void {
  if (!updates.length || divisor <= 0) return;
  for (const u of updates) {
    const c = (globalLr * u.weight) / divisor;
    for (let i = 0; i < theta.length; i++) theta[i] += c * u.delta[i];
  }
}
