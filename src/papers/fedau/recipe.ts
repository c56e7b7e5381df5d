/**
 * FedAU vs FedAvg under unknown participation (Wang & Ji 2024; IBM/fedau main.py), N clients simulated
 * in one process:
 *   - the training set is split among clients by Dirichlet(α) label shares; each client's participation
 *     probability follows its label mix (util.py); all arms share the split, the probabilities, each
 *     client's participation draws and its batch order, so they differ only in the aggregation weights;
 *   - each round, the clients that participate load the global model, run `local_steps` SGD steps on
 *     their own data (the shared loop) and upload Δ = local − global; the server applies
 *     θ ← θ + η_g · Σ ω Δ / D with each arm's ω and D (src/trainer/federated.ts).
 * Communication: every participant uploads one model update (4 bytes per parameter); FedAU's weights
 * are computed from participation history and add nothing on the wire.
 * Events: metric `{arm}` per evaluation (step = round): test accuracy and loss, bytes uploaded per client
 * so far, participants; summary `{arm}`: final accuracy, FedAU's weight error against 1/p.
 */
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { createRng, type Rng } from '../../trainer/rng';
import { loadImageData, toTensors, type Split } from '../../trainer/data/index';
import { buildMlp, type Activation } from '../../trainer/model';
import { createOptimizer } from '../../trainer/optim';
import { evaluate, train } from '../../trainer/loop';
import { flatParams, readFlat, writeFlat } from '../../trainer/spsa';
import {
  IntervalWeights,
  aggregationWeight,
  classMix,
  createParticipation,
  dirichletLabelSplit,
  participationProbabilities,
  roundDivisor,
  serverStep,
  type Participation,
  type Weighting,
} from '../../trainer/federated';
import { fedau } from './index';

/** Client splits as views of one client-ordered copy of the training set (no per-client copies). */
export function clientSplits(train: Split, parts: Int32Array[]): Split[] {
  const dim = train.x.length / train.n;
  const x = new Float32Array(train.x.length);
  const labels = new Int32Array(train.n);
  const out: Split[] = [];
  let o = 0;
  for (const idx of parts) {
    const start = o;
    for (const i of idx) {
      x.set(train.x.subarray(i * dim, (i + 1) * dim), o * dim);
      labels[o++] = train.labels[i];
    }
    out.push({ x: x.subarray(start * dim, o * dim), labels: labels.subarray(start, o), n: o - start });
  }
  return out;
}

const yieldNow = () => new Promise<void>((r) => setImmediate(r));

export const recipe = defineRecipe(fedau, async (ctx) => {
  const c = ctx.config;
  const f = c.fed;
  const { tf } = ctx;
  const root = createRng(ctx.seed);
  const data = loadImageData(c.data, ctx.seed, { log: (m) => ctx.log(m) });
  const parts = dirichletLabelSplit(data.train.labels, data.numClasses, f.clients, f.data_alpha, root.fork('split'));
  const clients = clientSplits(data.train, parts);
  const probs = participationProbabilities(
    parts.map((p) => classMix(data.train.labels, p, data.numClasses)),
    root.fork('participation-probabilities'),
    { alpha: f.participation_alpha, mean: f.participation_mean, min: f.participation_min },
  );
  const empty = clients.filter((s) => s.n === 0).length;
  const meanP = probs.reduce((a, b) => a + b, 0) / probs.length;
  ctx.log(
    `${f.clients} clients: ${Math.min(...clients.map((s) => s.n))}–${Math.max(...clients.map((s) => s.n))} examples each${empty ? ` (${empty} empty)` : ''}; participation p from ${Math.min(...probs).toFixed(3)} to ${Math.max(...probs).toFixed(3)}, mean ${meanP.toFixed(3)}`,
  );
  ctx.emit({
    type: 'summary',
    series: { arm: 'clients' },
    values: {
      clients: f.clients,
      mean_p: meanP,
      min_p: Math.min(...probs),
      max_p: Math.max(...probs),
      empty_clients: empty,
    },
  });
  const test = toTensors(tf, data.test, data);
  const net = buildMlp(tf, {
    input: data.inputShape[0],
    hidden: c.model.hidden,
    classes: data.numClasses,
    init: c.model.init,
    activation: c.model.activation as Activation,
    rng: root.fork('init'),
  });
  const params = flatParams(net.variables());
  const theta0 = readFlat(params);
  const bytesPerUpload = 4 * params.total;
  const opt = createOptimizer(tf, { name: 'sgd', lr: f.lr }, net.variables()); // plain SGD: no state to reset
  const budget = { done: 0, total: c.arms.length * f.rounds };
  let last = performance.now();

  try {
    for (const arm of c.arms as Weighting[]) {
      const theta = Float32Array.from(theta0);
      const participation: Participation[] = probs.map((p, n) =>
        createParticipation(f.participation, p, root.fork(`participation-${n}`), {
          toActive: f.markov_to_active,
          cycle: f.cycle,
        }),
      );
      const batches: Rng[] = clients.map((_, n) => root.fork(`batches-${n}`));
      const intervals = new IntervalWeights(f.clients, f.cutoff);
      let uploads = 0;
      let participantsSinceEval = 0;
      const t0 = performance.now();
      const evalNow = (round: number) => {
        writeFlat(tf, params, theta);
        const e = evaluate(tf, net, test);
        ctx.emit({
          type: 'metric',
          step: round,
          series: { arm },
          values: {
            test_acc: e.acc,
            test_loss: e.loss,
            bytes_per_client: (uploads * bytesPerUpload) / f.clients,
            ...(round > 0 ? { participants_per_round: participantsSinceEval / Math.min(f.eval_every, round) } : {}),
          },
        });
        participantsSinceEval = 0;
        return e.acc;
      };
      let acc = evalNow(0);
      for (let round = 1; round <= f.rounds; round++) {
        if (ctx.shouldStop()) throw new StopRequested();
        const updates: { delta: Float32Array; weight: number }[] = [];
        let participants = 0;
        for (let n = 0; n < f.clients; n++) {
          const on = participation[n].next();
          if (on) {
            participants++;
            const weight = aggregationWeight(arm, n, probs[n], intervals);
            if (clients[n].n > 0) {
              writeFlat(tf, params, theta);
              const split = toTensors(tf, clients[n], data);
              try {
                await train({
                  tf,
                  net,
                  optimizer: opt,
                  train: split,
                  endStep: f.local_steps,
                  batchSize: f.batch_size,
                  evalEvery: f.local_steps,
                  rng: batches[n],
                });
              } finally {
                split.x.dispose();
                split.y.dispose();
              }
              const local = readFlat(params);
              for (let i = 0; i < local.length; i++) local[i] -= theta[i];
              updates.push({ delta: local, weight });
            }
            uploads++;
          }
          intervals.record(n, on);
        }
        participantsSinceEval += participants;
        serverStep(theta, updates, roundDivisor(arm, f.clients, participants), f.global_lr);
        ctx.progress(++budget.done, budget.total, `${arm} · round ${round}/${f.rounds}`);
        if (round % f.eval_every === 0 || round === f.rounds) acc = evalNow(round);
        if (performance.now() - last > 50) {
          await yieldNow();
          last = performance.now();
        }
      }
      // How well FedAU's online weights estimate 1/p by the end (clients with at least one interval).
      let err = 0;
      let counted = 0;
      probs.forEach((p, n) => {
        const w = intervals.weight(n);
        if (w !== 1 || p === 1) ((err += Math.abs(w * p - 1)), counted++);
      });
      ctx.emit({
        type: 'summary',
        series: { arm },
        values: {
          final_acc: acc,
          uploads_per_client: uploads / f.clients,
          bytes_per_client: (uploads * bytesPerUpload) / f.clients,
          bytes_per_upload: bytesPerUpload,
          interval_weight_rel_error: counted ? err / counted : NaN,
          seconds: (performance.now() - t0) / 1000,
        },
      });
      ctx.log(
        `${arm}: final test accuracy ${(100 * acc).toFixed(1)}% after ${f.rounds} rounds (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );
    }
  } finally {
    opt.dispose();
    net.dispose();
    test.x.dispose();
    test.y.dispose();
  }
});
