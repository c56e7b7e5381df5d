// random-teachers: the recipe on a tiny config — the α = 0 student starts as the teacher (same probe),
// students are probed during distillation, the baselines are flat, and the table reads the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomTeachers as paper } from '../../../src/papers/random-teachers';
import { recipe } from '../../../src/papers/random-teachers/recipe';
import { reproClaims, reproTable } from '../../../src/papers/random-teachers/repro';
import { runRecipe as runTiny, summaries, metrics, tinyConfig } from '../../support/papers';

test('tiny run: students from α = 0 (teacher copy) and α = 1, probed every 3 steps; baselines flat', async () => {
  const c = tinyConfig(paper, (c) => {
    c.data.train = 300;
    c.data.val = 100;
    c.data.test = 100;
    c.model.encoder = [16, 16];
    c.model.head_hidden = [8];
    c.model.bottleneck = 4;
    c.model.out_dim = 32;
    c.distill.steps = 6;
    c.distill.batch_size = 32;
    c.distill.alphas = [0, 1];
    c.probe.every = 3;
    c.probe.k = 5;
    c.probe.linear_steps = 10;
  });
  const r = await runTiny(recipe, c);
  const teacher = summaries(r, (s) => s.arm === 'teacher')[0].values.knn_acc;
  const s0 = metrics(r, (s) => s.arm === 'student' && s.alpha === 0);
  assert.deepEqual(
    s0.map((m) => m.step),
    [0, 3, 6],
  );
  assert.equal(s0[0].values.knn_acc, teacher, 'α = 0 starts as an exact copy of the teacher');
  assert.ok(s0.slice(1).every((m) => Number.isFinite(m.values.train_loss)));
  const students = summaries(r, (s) => s.probe === 'student');
  assert.deepEqual(
    students.map((s) => s.series.alpha),
    [0, 1],
  );
  for (const s of students) assert.ok(s.values.linear_acc >= 0 && s.values.linear_acc <= 1);
  const flat = metrics(r, (s) => s.arm === 'pixels').map((m) => m.values.knn_acc);
  assert.equal(new Set(flat).size, 1);
  assert.match(reproTable(r.events), /\| student, α = 0 \(copy of the teacher\) \|/);
  assert.deepEqual(
    reproClaims(r.events).map((x) => x.id),
    ['student-beats-teacher', 'close-init-amplifies'],
  );
});
