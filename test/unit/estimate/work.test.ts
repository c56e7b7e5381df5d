// Each paper's work for a tiny config, against the formula written out by hand: forward MACs of
// LeNet-300-100 = 784·300 + 300·100 + 100·10 = 266,200; a step = 3 × batch × forward MACs + 3 layers ×
// STEP_COST_PER_LAYER (+ ADAM_COST_PER_PARAM × weights for adam); an evaluation = examples × forward MACs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/config';
import { workOf } from '../../../src/core/estimate/estimate';
import {
  ADAM_COST_PER_PARAM,
  ELEMENTWISE_COST,
  STEP_COST_PER_LAYER,
  evalsBetween,
  mlpMacs,
  seriesEvals,
} from '../../../src/core/estimate/work';
import { paperRegistry } from '../../../src/papers';

const LENET = 266_200;
const STEP = 3 * STEP_COST_PER_LAYER;

/** The paper's work for a YAML config, with the schema's defaults filled in as the editor does. */
function work(yaml: string): number {
  const r = lintText(yaml, 'x.exp.yaml', { papers: paperRegistry });
  assert.ok(
    r.ok,
    r.findings
      .filter((f) => f.severity === 'error')
      .map((f) => f.message)
      .join('; '),
  );
  const w = workOf(r.paper, r.config);
  assert.ok(w !== undefined, 'the paper has a work function');
  return w;
}

function close(actual: number, expected: number) {
  assert.ok(Math.abs(actual - expected) <= 1e-9 * expected, `${actual} ≠ ${expected}`);
}

test('MACs and evaluation counts follow the training loop', () => {
  assert.equal(mlpMacs([784, 300, 100, 10]), LENET);
  assert.equal(evalsBetween(0, 100, 50), 3); // at 0, 50, 100
  assert.equal(evalsBetween(0, 110, 50), 4); // at 0, 50, 100 and the end, 110
  assert.equal(evalsBetween(20, 100, 50), 3); // at 20 (the rewind point), 50, 100
  // Drops at 50% and 75% of 100: segments 0–50, 50–75, 75–100, each re-evaluating its start.
  assert.equal(seriesEvals(100, 25, [0.5, 0.75]), 3 + 2 + 2);
  assert.equal(seriesEvals(100, 25), 5);
});

test('lottery-ticket: dense + rounds × (ticket + controls), rewound arms shorter', () => {
  const before = process.env.PAPERLAB_ARM_WORKERS;
  process.env.PAPERLAB_ARM_WORKERS = '0'; // one core: every arm in turn
  const base = `paper: lottery-ticket
data: { dataset: mnist, train: 1000, val: 100, test: 200 }
model: { hidden: [300, 100] }
train: { optimizer: sgd, batch_size: 60, iterations: 100, eval_every: 50, patience: 0 }
`;
  const training = (steps: number, evals: number) => steps * (3 * 60 * LENET + STEP) + evals * 300 * LENET;
  close(work(base + 'prune: { rounds: 1, rewind_to: 0 }\ncontrols: [random_reinit]\n'), 3 * training(100, 3));
  // rewind_to 20: the ticket and random-mask arms train 80 steps (evaluated at 20, 50, 100); reinit all 100.
  close(
    work(base + 'prune: { rounds: 2, rewind_to: 20 }\ncontrols: [random_reinit, random_mask]\n'),
    training(100, 3) + 2 * (2 * training(80, 3) + training(100, 3)),
  );
  const adam = work(base.replace('optimizer: sgd', 'optimizer: adam') + 'prune: { rounds: 0 }\ncontrols: []\n');
  close(adam, training(100, 3) + 100 * ADAM_COST_PER_PARAM * LENET);
  // With arm workers a round's controls train beside its ticket: a round lasts as long as the longer side.
  process.env.PAPERLAB_ARM_WORKERS = '1';
  close(work(base + 'prune: { rounds: 1, rewind_to: 0 }\ncontrols: [random_reinit]\n'), 2 * training(100, 3));
  close(
    work(base + 'prune: { rounds: 2, rewind_to: 20 }\ncontrols: [random_reinit, random_mask]\n'),
    training(100, 3) + 2 * (training(80, 3) + training(100, 3)),
  );
  process.env.PAPERLAB_ARM_WORKERS = '2';
  close(
    work(base + 'prune: { rounds: 2, rewind_to: 20 }\ncontrols: [random_reinit, random_mask]\n'),
    training(100, 3) + 2 * Math.max(training(80, 3), (training(80, 3) + training(100, 3)) / 2),
  );
  if (before === undefined) delete process.env.PAPERLAB_ARM_WORKERS;
  else process.env.PAPERLAB_ARM_WORKERS = before;
});

test('random-pruning: widths × (dense + densities × layerwise), every network the same steps', () => {
  const w = work(`paper: random-pruning
data: { dataset: fashion-mnist, train: 1000, test: 500 }
model: { hidden: [300, 100] }
train: { optimizer: sgd, batch_size: 60, iterations: 100, eval_every: 50, lr_drops: [] }
mask: { densities: [0.1, 0.05], layerwise: [er] }
widths: [1, 0.5]
controls: [dense]
`);
  const half = 784 * 150 + 150 * 50 + 50 * 10; // width ×0.5: [150, 50]
  const net = (macs: number) => 100 * (3 * 60 * macs + STEP) + 3 * 500 * macs;
  close(w, 3 * net(LENET) + 3 * net(half));
});

test('rethinking-pruning: full + per ratio finetune, Scratch-E and Scratch-B (same compute as full)', () => {
  const w = work(`paper: rethinking-pruning
data: { dataset: mnist, train: 1000, test: 200 }
model: { hidden: [300, 100] }
train: { batch_size: 60, iterations: 100, eval_every: 50, lr_drops: [] }
prune: { ratios: [0.5] }
finetune: { iterations: 40 }
regimes: [finetune, scratch_e, scratch_b]
`);
  const half = 125_600; // [150, 50]
  const scratchB = Math.floor((100 * LENET) / half); // 211 iterations
  const run = (macs: number, steps: number) => steps * (3 * 60 * macs + STEP) + evalsBetween(0, steps, 50) * 200 * macs;
  close(w, run(LENET, 100) + run(half, 40) + 200 * half + run(half, 100) + run(half, scratchB));
});

test('train-longer: each arm its epochs of (uneven) batches; regime adaptation trains B/b × longer', () => {
  const w = work(`paper: train-longer
data: { dataset: fashion-mnist, train: 1000, test: 200 }
model: { hidden: [300, 100], batch_norm: true }
train: { epochs: 2, eval_every_epochs: 1 }
large_batch: { small_batch: 100, batch_size: 400, ghost_batch: 100, lr_scaling: none, regime_adaptation: true }
arms: [sb, lb_lr_gbn_ra]
`);
  // sb: 10 batches of 100 per epoch, 2 epochs. ra arm: batches 400, 400, 200; 2 × 4 = 8 epochs.
  // Batch norm: 30 ops per hidden activation (400 per example); clipping (grad_clip 5 by default): 4 per weight per step.
  const epoch = (steps: number) =>
    3 * 1000 * LENET + steps * STEP + ELEMENTWISE_COST * (30 * 400 * 1000 + 4 * LENET * steps);
  const evals = (epochs: number) => (1 + epochs) * 200 * LENET;
  close(w, 2 * epoch(10) + evals(2) + 8 * epoch(3) + evals(8));
});

test('rs2: rounds over a subset of r·N examples in ⌈rN/b⌉ steps, evaluated every round and on the shared schedule', () => {
  const w = work(`paper: rs2
data: { dataset: mnist, train: 1000, test: 200 }
model: { hidden: [300, 100] }
train: { batch_size: 60, rounds: 3 }
sampling: { ratios: [0.1], methods: [rs2, full] }
`);
  // r = 0.1: 100 examples in 2 steps per round; full: 1000 examples in 17 steps per round. Evaluations:
  // before and after each round (4), plus the schedule's points 60·2^(j/6) up to the arm's examples:
  // 14 up to 300 (j ≤ 13), 34 up to 3000 (j ≤ 33).
  const arm = (k: number, steps: number, grid: number) => 3 * (3 * k * LENET + steps * STEP) + (4 + grid) * 200 * LENET;
  close(w, arm(100, 2, 14) + arm(1000, 17, 34));
});

test('weight-matching-lmc: two trainings, then both paths evaluated on train and test at every λ', () => {
  const w = work(`paper: weight-matching-lmc
data: { dataset: mnist, train: 1000, test: 200 }
model: { hidden: [300, 100] }
train: { optimizer: sgd, batch_size: 60, iterations: 100, eval_every: 50 }
interpolation: { points: 5 }
`);
  const model = 100 * (3 * 60 * LENET + STEP) + 3 * 200 * LENET;
  // 2 paths × 5 λ × (1000 + 200) examples, and B before/after permuting on the test set.
  close(w, 2 * model + (2 * 5 * 1200 + 2 * 200) * LENET);
});

test('xor-benign-grokking: full-batch steps on W (d × m) and outputs at every checkpoint', () => {
  const w = work(`paper: xor-benign-grokking
data: { d: 100, n: 8, test: 20 }
model: { width: 4 }
train: { steps: 5, evals_per_decade: 1 }
`);
  // A step: XW and XᵀdH (2·8·100·4), 6 ops on the 8 × 4 gradient, 180 per element of W; checkpoints 0, 1, …, 5.
  const step = 2 * 8 * 100 * 4 + ELEMENTWISE_COST * 6 * 8 * 4 + 180 * 100 * 4 + STEP_COST_PER_LAYER;
  close(w, 5 * step + 6 * (8 + 20) * 100 * 4);
});

test('grokking-lazy-rich: kernel regression once, then per α the steps and checkpoints', () => {
  const w = work(`paper: grokking-lazy-rich
data: { dim: 10, train: 20, test: 30 }
model: { width: 8, center: true }
train: { alphas: [1, 2], steps: 5, evals_per_decade: 1, alignment: true }
`);
  const [D, P, Q, N] = [10, 20, 30, 8];
  const ntk = (q: number, p: number) =>
    (q + p) * D * N + q * p * N + q * p * D + ELEMENTWISE_COST * (2 * (q + p) * N + 2 * q * p);
  const outputs = (pts: number) => pts * D * N + ELEMENTWISE_COST * 4 * pts * N;
  const step = 2 * N * D * P + ELEMENTWISE_COST * (9 * N * P + 2 * N * D) + STEP_COST_PER_LAYER;
  const measure = outputs(P) + outputs(Q) + ntk(P, P) + ELEMENTWISE_COST * 4 * N * D;
  const perAlpha = 5 * step + 6 * measure + outputs(P) + outputs(Q); // checkpoints 0–5; f₀ on both sets
  close(w, ntk(P, P) + ntk(Q, P) + P ** 3 / 3 + 2 * perAlpha);
});

test('thresholdout: values generated and read in JavaScript, per repetition and condition', () => {
  const w = work(`paper: thresholdout
data: { n: 100, d: 50, conditions: [no_signal, signal] }
analysis: { k: [0, 10, 20], reps: 3 }
`);
  // 3 data sets + 2 correlation passes over n·d, 6 top-k passes over n·20; 200 MACs a value.
  close(w, 3 * 2 * (5 * 100 * 50 + 6 * 100 * 20) * 200);
});

test('presto: Hessian assemblies of the λ path on every fold and on all data, per replication and setting', () => {
  const w = work(`paper: presto
data: { n: 100, p: 2, classes: 3, intercepts: [[0, 3], [0, 4]] }
replications: 2
fit: { lambdas: 5, folds: 3 }
`);
  // 4 Newton steps per λ × n × (K−1)(p+1)²; (folds + 1) paths of 5 λ; 2 reps × 2 settings; 14 MAC-eq per op.
  close(w, 2 * 2 * (3 + 1) * 5 * (4 * 100 * 2 * 9) * 14);
});

test('quantile-aggregation: two pinball heads, k-NN distances and two weight fits per replication', () => {
  const w = work(`paper: quantile-aggregation
data: { train: 100, val: 40, calibration: 30, test: 50, features: 2 }
levels: 9
interval: 0.8
replications: 3
base: { knn_k: 10, random_features: 8, iterations: 20 }
aggregation: { iterations: 10 }
`);
  // Heads: 2 (fwd + bwd) × 20 its × 100 × (8 + 1 + 2 + 1) features × 9 levels; k-NN: (40 + 30 + 50) queries ×
  // 100 × (2 + log2 100); weights: 2 modes × 2 × 10 its × 40 × 4 models × 9; 3 reps; 20 MAC-eq per op.
  const heads = 2 * 20 * 100 * 12 * 9;
  const knn = 120 * 100 * (2 + Math.log2(100));
  const weights = 2 * 2 * 10 * 40 * 4 * 9;
  close(w, 3 * (heads + knn + weights) * 20);
});

test('local-graph-clustering: block-model edges and two diffusions per replication and flip rate', () => {
  const w = work(`paper: local-graph-clustering
graph: { blocks: 2, block_size: 10, p_in: 0.5, p_out: 0.1 }
labels: { flip_rates: [0, 0.2] }
diffusion: { mass_factor: 2 }
replications: 3
`);
  const edges = (20 * (10 * 0.5 + 10 * 0.1)) / 2;
  const diffusion = 2 * 10 * 2 * 10 * (10 * 0.5);
  close(w, 3 * 2 * (edges + diffusion) * 400);
});

test('dense-hebbian: class averages and Glauber updates per load, M and replication', () => {
  const w = work(`paper: dense-hebbian
network: { units: 10 }
data: { archetypes: [2], examples: [1, 3] }
dynamics: { sweeps: 4, tested: 3 }
replications: 2
`);
  // K·N·M draws + 2 arms × min(tested, K) × sweeps·N updates × K; 30 MAC-eq per op.
  const ops = [1, 3].reduce((s, M) => s + 2 * 10 * M + 2 * 2 * 4 * 10 * 2, 0);
  close(w, 2 * ops * 30);
});

test('hamming-text-to-pattern: comparisons, FFT butterflies and enumerations per m and distribution, × (repeats + warm-up)', () => {
  const w = work(`paper: hamming-text-to-pattern
text_length: 100
pattern_lengths: [4, 16]
alphabet: { size: 0 }
algorithms: [naive, fft_per_char, abrahamson]
repeats: 2
`);
  const ops = [4, 16].reduce(
    (s, m) => s + 100 * m + Math.sqrt(m) * 4 * 100 * Math.log2(4 * m) + 4 * 100 * Math.sqrt(m * Math.log2(m)),
    0,
  );
  close(w, 2 /* distributions */ * 3 * ops * 16);
});

test('sensitivity-sampling: per matrix Lewis passes, n²d estimates, exact rows and directions; per sampler sizes × trials × a sample', () => {
  const w = work(`paper: sensitivity-sampling
matrix: { rows: 400, dims: [5], structures: [gaussian, block] }
lewis: { iterations: 10 }
sensitivity: { check_rows: 2, irls_iterations: 20 }
sampling: { methods: [sensitivity, uniform], directions: 30, sensitive_directions: 10, trials: 3, bisections: 2, regression: true }
`);
  const n = 400;
  const d = 5;
  const t = 40;
  const perMatrix = 10 * 2 * n * d * d + n * n * d + 2 * 20 * n * d * d + n * d * t;
  const m = 20 * d;
  const perSample = m * t + 10 * (m * d * d + n * d);
  const sizes = Math.log2(n / d) + 2;
  close(w, 2 /* structures */ * (perMatrix + 2 * sizes * 3 * perSample) * 4);
});

test('doubly-robust-at: per arm its training, the training PGD (k gradients + 1 forward per example) except for standard, and the evaluation PGD', () => {
  const w = work(`paper: doubly-robust-at
data: { dataset: mnist, train: 1000, test: 200 }
model: { hidden: [300, 100] }
arms: [done, standard]
train: { optimizer: sgd, batch_size: 50, iterations: 100, eval_every: 50 }
attack: { steps: 5 }
eval: { steps: 10, points: 100 }
`);
  // Evaluations at 0, 50, 100; an input gradient ≈ 3 forwards.
  const training = 100 * (3 * 50 * LENET + STEP) + 3 * 200 * LENET;
  const evalAttack = 3 * 100 * (3 * 10 + 2) * LENET;
  const trainAttack = 100 * 50 * (3 * 5 + 1) * LENET;
  close(w, 2 * (training + evalAttack) + trainAttack);
});

test('fedau: per arm and round, N·p participants each running local steps and copying the model in and out', () => {
  const w = work(`paper: fedau
data: { dataset: mnist, train: 1000, test: 200 }
model: { hidden: [100] }
arms: [fedau, known_prob]
fed: { clients: 10, rounds: 4, local_steps: 2, batch_size: 8, eval_every: 2, participation_mean: 0.3, participation_min: 0.1 }
`);
  const macs = 784 * 100 + 100 * 10;
  const params = macs + 100 + 10;
  // 2 local steps of 8 examples on a 2-layer net, and 60 MAC-equivalents per parameter copied.
  const perParticipant = 3 * 16 * macs + 2 * 2 * STEP_COST_PER_LAYER + 60 * params;
  close(w, 2 * (4 * 3 * perParticipant + 3 * 200 * macs));
});

test('a paper without a work function, or a config it cannot read, gives no work', () => {
  const lt = lintText('paper: lottery-ticket\n', 'x.exp.yaml', { papers: paperRegistry });
  assert.equal(workOf(lt.paper, { paper: 'lottery-ticket' }), undefined); // throws inside: caught
  assert.equal(workOf(lt.paper, undefined), undefined);
  assert.equal(workOf({ ...lt.paper!, work: undefined }, lt.config), undefined, 'no work function');
  assert.equal(workOf({ ...lt.paper!, work: () => NaN }, lt.config), undefined, 'not a number');
});
