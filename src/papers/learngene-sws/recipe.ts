/**
 * Learngene via stage-wise weight sharing (Xia et al. 2024; stand-in, see index.ts):
 *   1. the teacher MLP trains on labels (shared loop);
 *   2. the auxiliary net (stages of tied blocks, src/trainer/stageSharing.ts) is distilled from it: the
 *      loop's `transformBatch` attaches the teacher's softmax(t/τ), the `objective` is τ²·KL (pure soft
 *      distillation). The `learngene_untied` control distils a net of one untied block per stage;
 *   3. every descendant depth is initialised from a learngene (or at random) and trained with labels:
 *      `descendants.epochs` for sws / learngene_untied / scratch, `reference_epochs` for scratch_long.
 * Every descendant of one depth starts its random parts (none for learngene inits) from the same seed and
 * sees the same batches. Events: metric `{arm, depth}`; summary `{arm, depth, stat: 'descendant'}`
 * (test_acc, parameters, epochs) and `{arm: 'teacher' | 'aux' | 'aux_untied'}`.
 */
import { defineRecipe, StopRequested, type RecipeContext } from '../../trainer/recipe';
import { createRng } from '../../trainer/rng';
import { loadImageTensors } from '../../trainer/data/index';
import { buildMlp, type Net } from '../../trainer/model';
import { createOptimizer } from '../../trainer/optim';
import { train, type StepBatch } from '../../trainer/loop';
import { kdLoss } from '../../trainer/distill';
import { buildStagedNet, expandFromLearngene, type StagedNet } from '../../trainer/stageSharing';
import type { LearngeneSwsConfig } from './schema';
import { learngeneSws } from './index';

export const depthOf = (blocksPerStage: number[]) => blocksPerStage.reduce((a, b) => a + b, 0);

/** Steps in `epochs` passes over n examples at batch b. */
export const stepsFor = (n: number, b: number, epochs: number) => epochs * Math.ceil(n / Math.min(b, n));

export const recipe = defineRecipe(learngeneSws, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const root = createRng(ctx.seed);
  const splits = loadImageTensors(tf, c.data, ctx.seed, (m) => ctx.log(m));
  const n = splits.data.train.n;
  const b = c.train.batch_size;
  const epochSteps = stepsFor(n, b, 1);
  const staged = (blocksPerStage: number[], tied: boolean, label: string) =>
    buildStagedNet(tf, {
      input: 784,
      width: c.width,
      classes: 10,
      blocksPerStage,
      tied,
      activation: c.train.activation,
      init: c.train.init,
      rng: root.fork(label),
    });
  const arms = c.arms;
  const descendantSteps =
    c.descendants.depths.length *
    arms.reduce((s, a) => s + (a === 'scratch_long' ? c.descendants.reference_epochs : c.descendants.epochs), 0);
  const budget = {
    done: 0,
    total:
      epochSteps * (c.teacher.epochs + c.aux.epochs * (arms.includes('learngene_untied') ? 2 : 1) + descendantSteps),
  };

  const fit = async (
    net: Net,
    series: { arm: string; depth?: number },
    steps: number,
    extra: Partial<Parameters<typeof train>[0]> = {},
  ): Promise<number> => {
    const opt = createOptimizer(tf, { name: c.train.optimizer, lr: c.train.lr }, net.variables());
    const start = budget.done;
    try {
      const r = await train({
        tf,
        net,
        optimizer: opt,
        train: splits.train,
        test: splits.test,
        endStep: steps,
        batchSize: b,
        evalEvery: Math.max(1, Math.floor(epochSteps / 2)),
        rng: root.fork(`order-${series.depth ?? series.arm}`),
        shouldStop: ctx.shouldStop,
        onStep: (s) =>
          ctx.progress(
            (budget.done = start + s),
            budget.total,
            `${Object.values(series).join(' · ')} · step ${s}/${steps}`,
          ),
        onEval: (p) => ctx.emit({ type: 'metric', step: p.step, series, values: p.values }),
        ...extra,
      });
      if (r.stopped) throw new StopRequested();
      return r.final.values.test_acc;
    } finally {
      opt.dispose();
    }
  };

  const distil = async (student: StagedNet, teacher: Net, arm: string): Promise<number> => {
    const tau = c.aux.temperature;
    return fit(student, { arm }, stepsFor(n, b, c.aux.epochs), {
      transformBatch: (bt: StepBatch) => ({
        ...bt,
        target: tf.softmax(tf.div(teacher.forward(bt.x), tau)) as typeof bt.y,
      }),
      objective: (bt: StepBatch) => kdLoss(tf, student.forward(bt.x), bt.target!, tau),
    });
  };

  const teacher = buildMlp(tf, {
    input: 784,
    hidden: c.teacher.hidden,
    classes: 10,
    init: c.train.init,
    activation: 'relu',
    rng: root.fork('teacher'),
  });
  const learngenes = new Map<string, StagedNet>();
  try {
    const teacherAcc = await fit(teacher, { arm: 'teacher' }, stepsFor(n, b, c.teacher.epochs));
    ctx.emit({
      type: 'summary',
      series: { arm: 'teacher' },
      values: { test_acc: teacherAcc, parameters: teacher.size() },
    });
    ctx.log(`teacher ${c.teacher.hidden.join('-')}: ${(100 * teacherAcc).toFixed(1)}%`);
    const gene = (net: StagedNet) => net.layers.reduce((s, l) => s + l.weight.size + l.bias.size, 0);
    if (arms.includes('sws')) {
      const aux = staged(c.aux.blocks_per_stage, true, 'aux');
      const acc = await distil(aux, teacher, 'aux');
      learngenes.set('sws', aux);
      ctx.emit({ type: 'summary', series: { arm: 'aux' }, values: { test_acc: acc, learngene_parameters: gene(aux) } });
      ctx.log(
        `auxiliary net (${c.aux.blocks_per_stage.join('-')} tied): ${(100 * acc).toFixed(1)}%, learngene ${gene(aux)} parameters`,
      );
    }
    if (arms.includes('learngene_untied')) {
      const aux = staged(
        c.aux.blocks_per_stage.map(() => 1),
        false,
        'aux-untied',
      );
      const acc = await distil(aux, teacher, 'aux_untied');
      learngenes.set('learngene_untied', aux);
      ctx.emit({
        type: 'summary',
        series: { arm: 'aux_untied' },
        values: { test_acc: acc, learngene_parameters: gene(aux) },
      });
    }
    for (const depths of c.descendants.depths) {
      const depth = depthOf(depths);
      for (const arm of arms) {
        // Same random draw for every arm of a depth: learngene inits then overwrite all of it.
        const net = staged(depths, false, `descendant-${depths.join('-')}`);
        try {
          const from = learngenes.get(arm);
          if (from) expandFromLearngene(tf, net, from);
          const epochs = arm === 'scratch_long' ? c.descendants.reference_epochs : c.descendants.epochs;
          const acc = await fit(net, { arm, depth }, stepsFor(n, b, epochs));
          ctx.emit({
            type: 'summary',
            series: { arm, depth, stat: 'descendant' },
            values: { test_acc: acc, epochs, parameters: net.size() },
          });
          ctx.log(`depth ${depth} (${depths.join('-')}) · ${arm}: ${(100 * acc).toFixed(1)}% after ${epochs} epoch(s)`);
        } finally {
          net.dispose();
        }
      }
    }
    storage(ctx, learngenes.get('sws'), c);
  } finally {
    teacher.dispose();
    for (const g of learngenes.values()) g.dispose();
    splits.dispose();
  }
});

/** Parameters stored to initialise every descendant: the learngene once vs one pretrained model per size. */
function storage(ctx: RecipeContext<LearngeneSwsConfig>, aux: StagedNet | undefined, c: LearngeneSwsConfig): void {
  if (!aux) return;
  const learngene = aux.layers.reduce((s, l) => s + l.weight.size + l.bias.size, 0);
  const perBlock = c.width * c.width + c.width;
  const rest = learngene - c.aux.blocks_per_stage.length * perBlock;
  const all = c.descendants.depths.reduce((s, d) => s + rest + depthOf(d) * perBlock, 0);
  ctx.emit({
    type: 'summary',
    series: { arm: 'storage' },
    values: { learngene_parameters: learngene, pretrained_descendants_parameters: all, ratio: all / learngene },
  });
}
