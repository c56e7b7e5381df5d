// Exploring grokking-tickets settings faster than full runs (docs/reproductions.md, "How we got here"):
// train the dense OnlyMLP once, saving its weights every 2,000 epochs, then try tickets from any saved
// checkpoint in ~1 minute each. Same building blocks as the recipe (init, masks, AdamW, data), but no
// run folder, events or controls beyond a random mask. Settings come from the environment:
//   EMB=128 H=48 LR=1e-3 WD=1 FRAC=0.6 TAG=f06 DENSE=12000 \
//   TICKETS=layerwise:0.4:1:norewind,layerwise:0.4:1,layerwise:0.4:1:random TEPOCHS=3000 \
//   npx tsx scripts/explore/grokking-tickets.ts
// TICKETS is a list of scope:density[:weight decay[:kind]], kind ∈ {ticket (default), random,
// norewind (the masked trained weights, a sanity check)}; FROM=<file> takes the mask from a checkpoint;
// CONT=<file> continues a dense run. Checkpoints go to /tmp/gt/. Prints epoch:train%/test%/norm traces.
import { writeFileSync, readFileSync, existsSync, mkdirSync } from 'node:fs';
import { initBackend } from '../../src/trainer/backend';
import { modularData } from '../../src/trainer/data/modular';
import { toTensors } from '../../src/trainer/data';
import { buildEmbeddingMlp } from '../../src/trainer/embeddingMlp';
import { createRng } from '../../src/trainer/rng';
import { snapshot, restore, type Snapshot } from '../../src/trainer/snapshot';
import { createOptimizer } from '../../src/trainer/optim';
import { applyMasks, fullMasks, magnitudePrune, maskStats, randomMasksLike } from '../../src/trainer/masks';

const env = (k: string, d: string) => process.env[k] ?? d;
const EMB = +env('EMB', '128'),
  H = +env('H', '48'),
  LR = +env('LR', '1e-3'),
  WD = +env('WD', '1'),
  FRAC = +env('FRAC', '0.4');
const DENSE = +env('DENSE', '0'),
  TAG = env('TAG', 'x'),
  INIT = env('INIT', 'lecun_normal'),
  P = +env('P', '67');
const save = (f: string, s: Snapshot) =>
  writeFileSync(f, JSON.stringify([...s].map(([k, v]) => [k, { ...v, weight: [...v.weight], bias: [...v.bias] }])));
const load = (f: string): Snapshot =>
  new Map(
    JSON.parse(readFileSync(f, 'utf8')).map(([k, v]: any) => [
      k,
      { ...v, weight: Float32Array.from(v.weight), bias: Float32Array.from(v.bias) },
    ]),
  );

(async () => {
  mkdirSync('/tmp/gt', { recursive: true });
  const { tf } = await initBackend('wasm');
  const data = modularData({ p: P, op: 'add', fracTrain: FRAC, symmetric: true }, 2);
  const train = toTensors(tf, data.train, data),
    test = toTensors(tf, data.test, data);
  const net = buildEmbeddingMlp(tf, {
    vocab: P,
    embedding: EMB,
    hidden: [H],
    classes: P,
    init: INIT,
    combine: 'sum',
    rng: createRng(2).fork('init'),
  });
  const theta0 = snapshot(net);
  const acc = (s: any) =>
    tf.tidy(
      () => tf.mean(tf.cast(tf.equal(tf.argMax(net.forward(s.x), 1), tf.argMax(s.y, 1)), 'float32')).dataSync()[0],
    );
  const norm = () =>
    Math.sqrt(net.layers.reduce((t, l) => t + tf.tidy(() => tf.sum(tf.square(l.weight)).dataSync()[0]), 0));
  const run = (label: string, epochs: number, wd: number, masks?: Map<string, any>, stopAt = 0.99, every = 100) => {
    const opt = createOptimizer(tf, { name: 'adamw', lr: LR, weight_decay: wd, beta2: 0.98 }, net.variables());
    const byVar = new Map<string, any>();
    if (masks) for (const l of net.layers) byVar.set(l.weight.name, masks.get(l.name));
    let gen: number | undefined;
    const t0 = Date.now();
    const trace: string[] = [];
    for (let e = 0; e <= epochs; e++) {
      if (!masks && e > 0 && e % 2000 === 0) save(`/tmp/gt/dense-${TAG}-${e}.json`, snapshot(net));
      if (e % every === 0) {
        const te = acc(test),
          tr = acc(train);
        if (e % (every * 5) === 0)
          trace.push(`${e}:${(tr * 100).toFixed(0)}/${(te * 100).toFixed(0)}/${norm().toFixed(1)}`);
        if (te >= stopAt && gen === undefined) {
          gen = e;
          if (stopAt < 1.01) break;
        }
      }
      tf.tidy(() => {
        const { grads } = tf.variableGrads(
          () => tf.losses.softmaxCrossEntropy(train.y, net.forward(train.x)) as any,
          net.variables(),
        );
        opt.apply(grads, masks ? (v) => byVar.get(v.name) : undefined);
        if (masks) applyMasks(tf, net, masks);
      });
    }
    opt.dispose();
    console.log(
      `${TAG} ${label}: gen ${gen ?? 'never'} (${((Date.now() - t0) / 1000).toFixed(0)} s) ${trace.join(' ')}`,
    );
    return gen;
  };
  const denseFile = `/tmp/gt/dense-${TAG}.json`;
  if (DENSE > 0) {
    if (process.env.CONT) restore(tf, net, load(process.env.CONT));
    run('dense', DENSE, WD, undefined, 2);
    save(denseFile, snapshot(net));
  }
  if (!existsSync(denseFile)) return;
  const final = load(process.env.FROM ?? denseFile);
  for (const spec of env('TICKETS', 'global:0.4').split(',')) {
    const [scope, d, wdS, kind] = spec.split(':');
    restore(tf, net, final);
    const start = fullMasks(tf, net);
    let m = magnitudePrune(tf, net, start, () => 1 - +d, scope as any);
    const st = maskStats(m);
    if (kind === 'random') m = randomMasksLike(tf, m, createRng(5));
    if (kind !== 'norewind') restore(tf, net, theta0);
    applyMasks(tf, net, m);
    run(
      `${kind ?? 'ticket'} ${scope} ${d} wd ${wdS ?? WD} [${Object.entries(st.perLayer)
        .map(([n, s]: any) => `${n} ${((s.kept / s.total) * 100).toFixed(0)}%`)
        .join(' ')}]`,
      +env('TEPOCHS', '4000'),
      +(wdS ?? WD),
      m,
    );
  }
})();
