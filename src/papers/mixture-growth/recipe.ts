/**
 * MixtureGrowth on MLPs (templates.ts): train member 0 and member 1 (half width, own template sets),
 * evaluate their sum (`ensemble`, the grown net before any new block), then for each growth arm take a
 * fresh template net, copy the trained members into it, grow (orthogonal new coefficients, random free
 * weights, or zeros) and train it `growth_iterations` at `lr_growing`. The scratch control is a plain
 * full-width MLP trained `scratch_iterations`.
 * Every metric event carries `train_gmacs`, the forward+backward MACs spent so far by that arm
 * (members included for the grown arms): the x axis of the paper's accuracy-vs-FLOPs comparison.
 */
import { defineRecipe } from '../../trainer/recipe';
import { optimizerOf } from '../../trainer/optim';
import { createRng } from '../../trainer/rng';
import { recipeImageTensors, mlpSizes } from '../../trainer/data/index';
import { buildMlp, type Activation, type Net } from '../../trainer/model';
import { evaluate } from '../../trainer/loop';
import { trainSeries, type StepBudget } from '../../trainer/trainSeries';
import { buildTemplateMlp, type GrowthInit } from '../../trainer/templates';
import { mixtureGrowth } from './index';

type GrowArm = 'mixturegrowth' | 'random_growth' | 'zero_growth';

export const recipe = defineRecipe(mixtureGrowth, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  if (c.model.activation !== 'relu')
    ctx.log('Template mixing here uses ReLU between layers; model.activation is ignored.', 'warn');
  const root = createRng(ctx.seed);
  const splits = recipeImageTensors(ctx);
  const { data, train, test } = splits;
  const sizes = mlpSizes(data, c.model.hidden);
  const spec = { sizes, templates: c.model.templates, rng: root.fork('templates') };
  const b = c.train.batch_size;
  const M = c.growth.member_iterations;
  const G = c.growth.growth_iterations;
  const grows: GrowArm[] = ['mixturegrowth', ...(c.controls.filter((a) => a !== 'scratch') as GrowArm[])];
  const budget: StepBudget = {
    done: 0,
    total: 2 * M + grows.length * G + (c.controls.includes('scratch') ? c.scratch_iterations : 0),
  };
  const opt = (lr: number) => ({ ...optimizerOf(c.train), lr });
  const base = buildTemplateMlp(tf, spec);
  const perStep = (macs: number) => (3 * b * macs) / 1e9;
  const run = async (net: Net, arm: string, iterations: number, lr: number, gmacsBefore: number, perStepG: number) =>
    trainSeries({
      ctx,
      net,
      series: { arm },
      optimizer: opt(lr),
      iterations,
      batchSize: b,
      evalEvery: c.train.eval_every,
      train,
      test,
      rng: root.fork(`order-${arm}`),
      budget,
      label: arm.replace(/_/g, ' '),
      extra: (p) => ({ train_gmacs: gmacsBefore + p.step * perStepG }),
    });
  const summary = (arm: string, net: Net, gmacs: number, extra: Record<string, number> = {}) => {
    const r = evaluate(tf, net, test);
    ctx.emit({
      type: 'summary',
      series: { arm },
      values: { final_test_acc: r.acc, final_test_loss: r.loss, train_gmacs: gmacs, test_examples: test.n, ...extra },
    });
    return r.acc;
  };
  try {
    const memberG = perStep(base.macs.member);
    for (const m of [0, 1] as const) {
      await run(base.member(m), `member${m}`, M, c.train.lr, 0, memberG);
      summary(`member${m}`, base.member(m), M * memberG);
    }
    const membersG = 2 * M * memberG;
    const trained = base.parameters().map((v) => Float32Array.from(v.dataSync() as Float32Array));
    const grownG = perStep(base.macs.grown);
    const copyTrained = () => {
      const t = buildTemplateMlp(tf, spec);
      t.parameters().forEach((v, i) => tf.tidy(() => v.assign(tf.tensor(trained[i], v.shape))));
      return t;
    };
    // The members' logits summed: what every grown net computes before its new blocks learn.
    const z = copyTrained();
    z.grow('zero', root.fork('zero'));
    summary('ensemble', z.grown(), membersG);
    z.dispose();
    for (const arm of grows) {
      const init: GrowthInit =
        arm === 'mixturegrowth' ? c.growth.coefficients : arm === 'random_growth' ? 'random' : 'zero';
      const t = copyTrained();
      try {
        t.grow(init, root.fork(`grow-${arm}`));
        const net = t.grown();
        const atGrowth = evaluate(tf, net, test).acc;
        await run(net, arm, G, c.growth.lr_growing, membersG, grownG);
        summary(arm, net, membersG + G * grownG, { acc_at_growth: atGrowth });
      } finally {
        t.dispose();
      }
    }
    if (c.controls.includes('scratch')) {
      const net = buildMlp(tf, {
        input: sizes[0],
        hidden: c.model.hidden,
        classes: sizes[sizes.length - 1],
        init: c.model.init,
        activation: 'relu' as Activation,
        rng: root.fork('scratch'),
      });
      try {
        await run(net, 'scratch', c.scratch_iterations, c.train.lr, 0, grownG);
        summary('scratch', net, c.scratch_iterations * grownG);
      } finally {
        net.dispose();
      }
    }
  } finally {
    base.dispose();
    splits.dispose();
  }
});
