/**
 * Self-distillation from a random teacher (Sarnthein et al. 2023; safelix/dinopl):
 *   - a teacher DINO net at random init, frozen (t_mode no_update), and for each α a student initialised
 *     at (1 − α)·teacher + α·fresh draw (configuration.py s_init interpolated);
 *   - each step the loop's `transformBatch` computes the teacher's targets softmax((p_t − c)/τ_t) on the
 *     batch and updates the centre c; its `objective` is the student's cross-entropy to them at τ_s.
 *     Labels are never used; both see the same un-augmented images (one crop, loss pairing `same`);
 *   - every `probe.every` steps the student's encoder embedding is probed: standardised features, k-NN
 *     (k = 20) fitted on the labelled examples (data.val) and scored on data.test; a linear probe at the end.
 * Baselines: the teacher's embedding and raw pixels, probed the same way.
 * Events: metric `{arm, alpha}` (knn_acc, train_loss) per probe (arm `student`, or a baseline); summary `{arm, alpha, probe: 'student'}` with
 * the final knn_acc and linear_acc; summaries for `teacher` and `pixels`.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { defineRecipe, StopRequested } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import { loadImageData, toTensors, type Split } from '../../trainer/data/index';
import { createOptimizer } from '../../trainer/optim';
import { train, type StepBatch } from '../../trainer/loop';
import {
  buildDinoNet,
  dinoTargets,
  embedAll,
  interpolateWeights,
  knnAccuracy,
  linearProbeAccuracy,
  softTargetCrossEntropy,
  standardize,
  type DinoNet,
  type DinoSpec,
} from '../../trainer/distill';
import { randomTeachers } from './index';

type Tf = typeof tfNs;

/** A student's label in logs and its random streams (kept from when each α was its own arm). */
const studentLabel = (alpha: number) => `student_alpha_${alpha}`;

interface Probe {
  labelled: tfNs.Tensor;
  scored: tfNs.Tensor;
  labels: Int32Array;
  testLabels: Int32Array;
}

function knnOf(
  tf: Tf,
  embed: (x: tfNs.Tensor) => tfNs.Tensor2D,
  p: Probe,
  dim: number,
  k: number,
): [number, Float32Array, Float32Array] {
  const [a, b] = standardize(embedAll(tf, embed, p.labelled), embedAll(tf, embed, p.scored), dim);
  return [knnAccuracy(tf, a, p.labels, b, p.testLabels, dim, k, 10), a, b];
}

export const recipe = defineRecipe(randomTeachers, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const d = c.distill;
  const root = createRng(ctx.seed);
  const data = loadImageData(c.data, ctx.seed, { log: (m) => ctx.log(m) });
  if (!data.val) throw new Error('random-teachers needs labelled probe examples: set data.val (e.g. 1000).');
  const labelled: Split = data.val;
  const distillSplit = toTensors(tf, data.train, data);
  const probe: Probe = {
    labelled: tf.tensor2d(labelled.x, [labelled.n, 784]),
    scored: tf.tensor2d(data.test.x, [data.test.n, 784]),
    labels: labelled.labels,
    testLabels: data.test.labels,
  };
  const spec = (label: string): DinoSpec => ({
    input: 784,
    encoder: c.model.encoder,
    headHidden: c.model.head_hidden,
    bottleneck: c.model.bottleneck,
    outDim: c.model.out_dim,
    activation: c.model.activation,
    init: c.model.init,
    rng: root.fork(label),
  });
  const dim = c.model.encoder[c.model.encoder.length - 1];
  const teacher = buildDinoNet(tf, spec('teacher'), false);
  const budget = { done: 0, total: d.alphas.length * d.steps };
  try {
    // Baselines: raw pixels and the teacher's embedding.
    const [pa, pb] = standardize(labelled.x, data.test.x, 784);
    const pixels = knnAccuracy(tf, pa, labelled.labels, pb, data.test.labels, 784, c.probe.k, 10);
    const [teacherKnn, ta, tb] = knnOf(tf, teacher.embed, probe, dim, c.probe.k);
    const linearOf = async (a: Float32Array, b: Float32Array, width: number, label: string) =>
      c.probe.linear_steps > 0
        ? linearProbeAccuracy(tf, a, labelled.labels, b, data.test.labels, width, 10, {
            steps: c.probe.linear_steps,
            batchSize: Math.min(100, labelled.n),
            lr: 1e-3,
            rng: root.fork(`linear-${label}`),
          })
        : NaN;
    const teacherLinear = await linearOf(ta, tb, dim, 'teacher');
    for (const [arm, knn, lin] of [
      ['pixels', pixels, NaN],
      ['teacher', teacherKnn, teacherLinear],
    ] as const) {
      // Flat lines on the probing curve (start and end of distillation), and one summary each.
      for (const step of [0, d.steps]) ctx.emit({ type: 'metric', step, series: { arm }, values: { knn_acc: knn } });
      ctx.emit({ type: 'summary', series: { arm, probe: arm }, values: { knn_acc: knn, linear_acc: lin } });
    }
    ctx.log(
      `baselines: k-NN on pixels ${(100 * pixels).toFixed(1)}%, on the random teacher's embedding ${(100 * teacherKnn).toFixed(1)}%`,
    );

    for (const alpha of d.alphas) {
      const arm = 'student';
      const label = studentLabel(alpha);
      const fresh = buildDinoNet(tf, spec(`student-draw-${alpha}`), false);
      const student = buildDinoNet(tf, spec(`student-shape-${alpha}`));
      interpolateWeights(tf, student, teacher, fresh, alpha);
      fresh.dispose();
      const center = tf.variable(tf.zeros([c.model.out_dim]), false);
      const opt = createOptimizer(
        tf,
        { name: d.optimizer, lr: d.lr, weight_decay: d.weight_decay },
        student.variables(),
      );
      const start = budget.done;
      let finalKnn = NaN;
      let emb: [Float32Array, Float32Array] | undefined;
      try {
        const r = await train({
          tf,
          net: student,
          optimizer: opt,
          train: distillSplit,
          endStep: d.steps,
          batchSize: d.batch_size,
          evalEvery: c.probe.every,
          rng: root.fork(`order-${alpha}`),
          shouldStop: ctx.shouldStop,
          transformBatch: (b: StepBatch) => ({
            ...b,
            target: dinoTargets(tf, teacher.forward(b.x), center, d.teacher_temp, d.center_momentum),
          }),
          objective: (b: StepBatch) => softTargetCrossEntropy(tf, student.forward(b.x), b.target!, d.student_temp),
          onStep: (s) =>
            ctx.progress((budget.done = start + s), budget.total, `student α = ${alpha} · step ${s}/${d.steps}`),
          onEval: (p) => {
            const [knn, a, b] = knnOf(tf, (x) => (student as DinoNet).embed(x), probe, dim, c.probe.k);
            finalKnn = knn;
            emb = [a, b];
            const values: Record<string, number> = { knn_acc: knn };
            if (p.values.train_loss !== undefined) values.train_loss = p.values.train_loss;
            ctx.emit({ type: 'metric', step: p.step, series: { arm, alpha }, values });
          },
        });
        if (r.stopped) throw new StopRequested();
        const lin = await linearOf(emb![0], emb![1], dim, label);
        ctx.emit({
          type: 'summary',
          series: { arm, alpha, probe: 'student' },
          values: { knn_acc: finalKnn, linear_acc: lin, teacher_knn_acc: teacherKnn, pixels_knn_acc: pixels },
        });
        ctx.log(
          `${label}: k-NN ${(100 * finalKnn).toFixed(1)}% (teacher ${(100 * teacherKnn).toFixed(1)}%), linear ${(100 * lin).toFixed(1)}%`,
        );
      } finally {
        opt.dispose();
        student.dispose();
        center.dispose();
      }
    }
  } finally {
    teacher.dispose();
    distillSplit.x.dispose();
    distillSplit.y.dispose();
    probe.labelled.dispose();
    probe.scored.dispose();
  }
});
