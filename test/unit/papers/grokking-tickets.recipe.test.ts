import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grokkingTickets as paper } from '../../../src/papers/grokking-tickets';
import { recipe, firstReaching } from '../../../src/papers/grokking-tickets/recipe';
import { reproTable } from '../../../src/papers/grokking-tickets/repro';
import { runRecipe, summaries, metrics, tinyConfig } from '../../support/papers';
import { normMatchingFactor, summedNorm } from '../../../src/papers/grokking-tickets/norms';
import { lintText } from '../../../src/core/config/lint';
import { paperRegistry } from '../../../src/papers';

const tiny = () =>
  tinyConfig(paper, (c) => {
    c.data.modulus = 7;
    c.model.embedding_dim = 8;
    c.model.hidden = [16];
    c.train.iterations = 40;
    c.train.eval_every = 10;
    c.controls = ['random_mask', 'norm_matched_dense', 'norm_matched_dense_l1', 'ticket_no_weight_decay'];
  });

test('tiny run: dense, ticket and all controls train; the ticket keeps the asked density and its pruned weights stay zero', async () => {
  const r = await runRecipe(recipe, tiny());
  const arms = summaries(r).map((s) => s.series.arm);
  assert.deepEqual(arms, [
    'dense',
    'ticket',
    'random_mask',
    'norm_matched_dense',
    'norm_matched_dense_l1',
    'ticket_no_weight_decay',
  ]);
  const ticket = summaries(r, (s) => s.arm === 'ticket')[0];
  assert.ok(Math.abs(ticket.series.density - 0.4) < 0.01, `density ${ticket.series.density}`);
  // The saved mask keeps exactly that fraction.
  const mask = r.saved.get('ticket_mask')!;
  const all = Object.values(mask).flat();
  assert.ok(Math.abs(all.filter((v) => v === 1).length / all.length - ticket.series.density) < 1e-9);
  // After AdamW with weight decay, every pruned weight of the trained ticket is still exactly zero.
  const trained = r.saved.get('ticket_final')!;
  for (const [key, m] of Object.entries(mask)) {
    const w = trained[key.replace('mask/', '') + '/weight'];
    assert.equal(w.length, m.length);
    m.forEach((keep, i) => keep === 0 && assert.ok(w[i] === 0, `${key}[${i}] = ${w[i]}`)); // ±0 both count
    assert.ok(w.some((v, i) => m[i] === 1 && v !== 0));
  }
  // Every metric point carries train and test accuracy and the weight norm.
  for (const e of metrics(r))
    for (const k of ['train_acc', 'test_acc', 'weight_norm']) assert.ok(Number.isFinite(e.values[k]), k);
});

test("rewinding: the ticket starts from θ0 masked, so its initial norm is below dense θ0; each norm-matched control starts at exactly the ticket's norm of its kind", async () => {
  const r = await runRecipe(recipe, tiny());
  const first = (arm: string, key = 'weight_norm') => metrics(r, (s) => s.arm === arm)[0].values[key];
  assert.ok(first('ticket') < first('dense'));
  // The code's norms (utils.py get_weight_norm: per-matrix norms summed): L2 for one control, L1 for the other.
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-4 * b;
  assert.ok(close(first('norm_matched_dense', 'l2_norm'), first('ticket', 'l2_norm')));
  assert.ok(close(first('norm_matched_dense_l1', 'l1_norm'), first('ticket', 'l1_norm')));
  // One factor cannot match both: the L1-matched net is smaller (a 40% mask keeps more L2 than L1 mass).
  assert.ok(first('norm_matched_dense_l1', 'l2_norm') < first('ticket', 'l2_norm'));
  // The random mask has the same per-layer counts, from the same θ0: a similar (not equal) norm.
  assert.ok(first('random_mask') < first('dense'));
  // Same start for the two ticket arms (only weight decay differs).
  assert.equal(first('ticket_no_weight_decay'), first('ticket'));
});

test('generalization epoch = first evaluation at the threshold; arms stop there; the table reads the run', async () => {
  assert.equal(
    firstReaching(
      [
        { step: 0, values: { test_acc: 0.1 } },
        { step: 50, values: { test_acc: 0.995 } },
        { step: 100, values: { test_acc: 1 } },
      ],
      'test_acc',
      0.99,
    ),
    50,
  );
  assert.equal(firstReaching([{ step: 0, values: { test_acc: 0.1 } }], 'test_acc', 0.99), undefined);
  const c = tiny();
  c.train.iterations = 60;
  c.prune.generalized_accuracy = 0.05; // reached at once on p = 7: checks the early stop, not grokking
  // The concatenating MLP with biases is above 5% at init on this seed (the bias-free sum model can start at 0%).
  c.model.arch = 'mlp';
  c.model.init = 'he_uniform';
  c.prune.mask_from = 'generalized';
  c.controls = [];
  const r = await runRecipe(recipe, c);
  for (const s of summaries(r)) {
    assert.equal(s.values.generalization_epoch, 0);
    assert.equal(s.values.epochs_trained, 0, 'stopped at the first evaluation that reached the threshold');
  }
  assert.match(reproTable(r.events), /\| dense \| 100\.0% \|/);
  // With the paper's `final` checkpoint the dense run goes on to the end; the ticket still stops early.
  c.prune.mask_from = 'final';
  const f = await runRecipe(recipe, c);
  assert.equal(summaries(f, (s) => s.arm === 'dense')[0].values.epochs_trained, 60);
  assert.equal(summaries(f, (s) => s.arm === 'ticket')[0].values.epochs_trained, 0);
});

test('the table compares the ticket with dense and with the norm-matched dense net', () => {
  const sum = (arm: string, gen: number | undefined, trained: number) => ({
    type: 'summary' as const,
    series: { arm, density: arm.startsWith('ticket') || arm === 'random_mask' ? 0.4 : 1 },
    values: {
      final_test_acc: 0.99,
      final_train_acc: 1,
      epochs_trained: trained,
      ...(gen === undefined ? {} : { generalization_epoch: gen }),
    },
  });
  const table = reproTable([
    sum('dense', 3400, 7000),
    sum('ticket', 2400, 2400),
    sum('random_mask', undefined, 5100),
    sum('norm_matched_dense', 2500, 2500),
  ] as never);
  assert.match(table, /\| ticket \/ dense epochs to generalize \| [^|]+ \| 0\.71 \|/);
  assert.match(table, /\| ticket \/ norm-matched dense epochs \| [^|]+ \| 0\.96 \(2400 vs 2500\) \|/);
  assert.match(table, /random mask at init[^\n]+did not generalize within 5100 epochs/);
});

test('summed norms and the matching factor follow the closed forms', () => {
  const a = [Float32Array.from([3, -4]), Float32Array.from([0, 0, 5])];
  assert.equal(summedNorm(a, 2), 5 + 5);
  assert.equal(summedNorm(a, 1), 7 + 5);
  const masked = [Float32Array.from([3, 0]), Float32Array.from([0, 0, 0])];
  assert.equal(normMatchingFactor(masked, a, 1), 3 / 12);
  assert.equal(normMatchingFactor(masked, a, 2), 3 / 10);
  // Scaling every matrix by the factor makes the sums equal.
  const f = normMatchingFactor(masked, a, 2);
  assert.ok(
    Math.abs(
      summedNorm(
        a.map((m) => Array.from(m, (v) => v * f)),
        2,
      ) - summedNorm(masked, 2),
    ) < 1e-9,
  );
});

test("l1_penalty (the code's train.py lp_reg) shrinks the dense run's weights", async () => {
  const base = tiny();
  base.controls = [];
  const plain = await runRecipe(recipe, base);
  const pen = tiny();
  pen.controls = [];
  pen.train.l1_penalty = 0.5;
  const penalized = await runRecipe(recipe, pen);
  const last = (r: Awaited<ReturnType<typeof runRecipe>>, arm: string) =>
    metrics(r, (s) => s.arm === arm).at(-1).values.l1_norm;
  assert.ok(
    last(penalized, 'dense') < 0.9 * last(plain, 'dense'),
    `${last(penalized, 'dense')} vs ${last(plain, 'dense')}`,
  );
});

test('prune.method accepts only magnitude: a random mask is the random_mask control, not a second kind of ticket', () => {
  const text = (method: string) =>
    `paper: grokking-tickets\nprune:\n  method: ${method}\ncontrols: [random_mask, norm_matched_dense]\n`;
  const errors = (method: string) =>
    lintText(text(method), 'g.exp.yaml', { papers: paperRegistry }).findings.filter((f) => f.severity === 'error');
  assert.deepEqual(errors('magnitude'), []);
  const bad = errors('random');
  assert.equal(bad.length, 1);
  assert.match(bad[0].message, /magnitude/);
});
