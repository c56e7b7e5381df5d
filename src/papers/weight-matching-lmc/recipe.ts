import { defineRecipe } from '../../trainer/recipe';
import { weightMatchingLmc } from './index';
/**
 * weight-matching-lmc: train two MLPs from different seeds, match B's hidden units to A's by weight
 * matching, and measure the straight path between them before and after (notes §9(b)).
 *
 * Events: metric `{arm: model_a|model_b}` while training; summary `{arm: naive|permuted, lambda}` per
 * path point; summary `{arm: naive|permuted}` with the barriers; summary `{arm: distance, layer}`;
 * summary `{arm: naive|permuted, layer, rank}` for singular-vector alignment; phase `matched`.
 */
import type { RecipeContext } from '../../trainer/recipe';
import { StopRequested } from '../../trainer/recipe';
import { loadImageTensors } from '../../trainer/data';
import { mlpFor, type Net } from '../../trainer/model';
import { evaluate, type TensorSplit } from '../../trainer/loop';
import { createRng } from '../../trainer/rng';
import { trainSeries, type StepBudget } from '../../trainer/trainSeries';
import { checkActivation, denseTensors, readDense, writeDense } from '../../trainer/denseLayers';
import {
  applyPermutations,
  interpolateLayers,
  layerDistances,
  lossBarrier,
  weightMatching,
  type DenseLayer,
} from '../../trainer/weightMatching';
import { singularAlignment } from '../../trainer/singularAlignment';
import { lambdaGrid } from './schema';

const yieldToIpc = () => new Promise((resolve) => setImmediate(resolve));

export const recipe = defineRecipe(weightMatchingLmc, async (ctx) => {
  const c = ctx.config;
  const { tf } = ctx;
  const splits = loadImageTensors(tf, c.data, ctx.seed, (m) => ctx.log(m));
  const { data, train, test } = splits;
  const lambdas = lambdaGrid(c);
  const activation = checkActivation(c.model.activation);
  const budget: StepBudget = { done: 0, total: 2 * c.train.iterations + 2 * lambdas.length };
  const nets: Net[] = [];
  try {
    const trained: DenseLayer[][] = [];
    for (const [arm, seed] of [
      ['model_a', c.seeds.a],
      ['model_b', c.seeds.b],
    ] as const) {
      // Each model's stream comes from the run's seed and its own number, so the seeds of a sweep
      // (`npm run repro -- weight-matching-lmc --seeds 3`) give new pairs of networks, not the same
      // pair with another data split.
      const rng = createRng(ctx.seed).fork(`model ${seed}`);
      const net = mlpFor(tf, { ...c.model, activation }, data, rng.fork('init'));
      nets.push(net);
      await trainSeries({
        ctx,
        net,
        series: { arm },
        optimizer: {
          name: c.train.optimizer,
          lr: c.train.lr,
          momentum: c.train.momentum,
          weight_decay: c.train.weight_decay,
        },
        iterations: c.train.iterations,
        batchSize: c.train.batch_size,
        evalEvery: c.train.eval_every,
        train,
        test,
        rng: rng.fork('batches'),
        budget,
        label: `training ${arm === 'model_a' ? 'A' : 'B'} (seed ${seed})`,
      });
      trained.push(readDense(net));
    }
    const [a, b] = trained;

    ctx.progress(budget.done, budget.total, 'weight matching');
    const t0 = Date.now();
    // The layer order of matching is random (as in the reference code) and depends on the top-level seed only.
    const matchRng = createRng(ctx.seed).fork('matching');
    const match = weightMatching(a, b, () => matchRng.next(), c.matching.max_iter);
    const pb = applyPermutations(b, match.perms);
    ctx.log(
      `weight matching: ${match.iterations} passes in ${Date.now() - t0} ms, objective ${match.objective.toFixed(3)}`,
    );
    ctx.emit({
      type: 'phase',
      step: c.train.iterations,
      series: { arm: 'permuted' },
      label: `matched (${match.iterations} passes)`,
    });
    checkSameFunction(tf, nets[1], b, pb, test, ctx);

    // The path: one scratch net whose weights are overwritten at each λ.
    const probe = nets[1];
    const pathLoss: Record<string, { train: number[]; test: number[] }> = {};
    for (const [arm, end] of [
      ['naive', b],
      ['permuted', pb],
    ] as const) {
      pathLoss[arm] = { train: [], test: [] };
      for (const lambda of lambdas) {
        if (ctx.shouldStop()) throw new StopRequested();
        writeDense(tf, probe, interpolateLayers(a, end, lambda));
        const tr = evaluate(tf, probe, train);
        const te = evaluate(tf, probe, test);
        pathLoss[arm].train.push(tr.loss);
        pathLoss[arm].test.push(te.loss);
        ctx.emit({
          type: 'summary',
          series: { arm, lambda },
          values: { train_loss: tr.loss, train_acc: tr.acc, test_loss: te.loss, test_acc: te.acc },
        });
        ctx.progress(++budget.done, budget.total, `${arm} path · λ = ${lambda.toFixed(3)}`);
        await yieldToIpc();
      }
    }

    const naiveDist = layerDistances(a, b);
    const permDist = layerDistances(a, pb);
    naiveDist.forEach((d, layer) => {
      ctx.emit({
        type: 'summary',
        // The distance to the permuted B, beside the naive one: a property of the permuted arm per layer.
        series: { arm: 'permuted', layer },
        values: { distance_naive: d, distance_permuted: permDist[layer], distance_ratio: permDist[layer] / d },
      });
    });
    const total = (ds: number[]) => Math.sqrt(ds.reduce((s, d) => s + d * d, 0));
    for (const arm of ['naive', 'permuted'] as const) {
      const mid = lambdas.reduce((best, l) => (Math.abs(l - 0.5) < Math.abs(best - 0.5) ? l : best), lambdas[0]);
      const iMid = lambdas.indexOf(mid);
      ctx.emit({
        type: 'summary',
        series: { arm },
        values: {
          barrier_test_loss: lossBarrier(lambdas, pathLoss[arm].test),
          barrier_train_loss: lossBarrier(lambdas, pathLoss[arm].train),
          test_loss_mid: pathLoss[arm].test[iMid],
          distance: total(arm === 'naive' ? naiveDist : permDist),
          distance_ratio: total(permDist) / total(naiveDist),
          matching_passes: match.iterations,
        },
      });
    }

    if (c.analysis.singular_vectors) {
      for (let layer = 0; layer < a.length; layer++) {
        if (ctx.shouldStop()) throw new StopRequested();
        ctx.progress(budget.done, budget.total, `singular vectors · layer ${layer}`);
        for (const [arm, end] of [
          ['naive', b],
          ['permuted', pb],
        ] as const) {
          for (const r of singularAlignment(a[layer], end[layer])) {
            ctx.emit({
              type: 'summary',
              series: { arm, layer, rank: r.rank },
              values: { cos_left: r.cosLeft, cos_right: r.cosRight, sigma_a: r.sigmaA, sigma_b: r.sigmaB },
            });
          }
          await yieldToIpc();
        }
      }
    }

    for (const [name, layers] of [
      ['model_a', a],
      ['model_b', b],
      ['model_b_permuted', pb],
    ] as const) {
      const tensors = denseTensors(tf, layers);
      await ctx.saveTensors(name, tensors);
      Object.values(tensors).forEach((t) => t.dispose());
    }
  } finally {
    nets.forEach((n) => n.dispose());
    splits.dispose();
  }
});

/**
 * A permutation must not change what B computes: if the permuted B's test loss differs from B's, the
 * matching code is wrong and every number after it would be too. Fail loudly rather than plot it.
 */
function checkSameFunction(
  tf: RecipeContext['tf'],
  probe: Net,
  b: DenseLayer[],
  pb: DenseLayer[],
  test: TensorSplit,
  ctx: RecipeContext,
): void {
  writeDense(tf, probe, b);
  const before = evaluate(tf, probe, test);
  writeDense(tf, probe, pb);
  const after = evaluate(tf, probe, test);
  // Float sums in another order can flip an argmax on a near-tie, so allow a couple of examples.
  if (
    Math.abs(before.loss - after.loss) > 1e-3 * Math.max(1, before.loss) ||
    Math.abs(before.acc - after.acc) > 2 / test.n
  ) {
    throw new Error(
      `Internal check failed: permuting B's hidden units changed its test loss (${before.loss} → ${after.loss}). Please report this.`,
    );
  }
  ctx.log(`permuted B computes the same function as B (test loss ${before.loss.toFixed(4)})`);
}
