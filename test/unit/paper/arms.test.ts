// Every paper's `arms` are true to its recipe: run on its tiny config (test/support/tinyConfigs.ts,
// every control on), a recipe emits only arms its definition declares, and every declared arm at least
// once — the dashboard styles lines (method solid, controls dashed) and orders legends from these.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paperRegistry } from '../../../src/papers';
import { loadRecipe } from '../../../src/papers/recipes';
import { lintText } from '../../../src/core/config';
import { runRecipe } from '../../support/papers';
import { TINY_CONFIGS } from '../../support/tinyConfigs';

// Schema-only papers (`needs`) have no recipe to run: test/unit/paper/schemaOnly.test.ts covers them.
for (const paper of paperRegistry.implemented().filter((p) => !p.needs)) {
  test(`${paper.id}: the recipe emits exactly the arms its definition declares`, async () => {
    const tiny = TINY_CONFIGS[paper.id];
    assert.ok(tiny, `no tiny config for ${paper.id}: add one to test/support/tinyConfigs.ts`);
    // The tiny config goes through lint as a user's would: valid, defaults filled in.
    const lint = lintText(JSON.stringify({ paper: paper.id, ...tiny }), `${paper.id}.exp.json`, {
      papers: paperRegistry,
    });
    const errors = lint.findings.filter((f) => f.severity === 'error').map((f) => f.message);
    assert.deepEqual(errors, [], 'the tiny config is not valid');
    const rec = await runRecipe(await loadRecipe(paper.id), lint.config);
    const emitted = new Set(rec.events.map((e) => String(e.series?.arm)));
    const declared = paper.arms.map((a) => a.id);
    assert.deepEqual(
      [...emitted].filter((a) => !declared.includes(a)),
      [],
      `${paper.id} emits arms its definition does not declare (index.ts \`arms\`)`,
    );
    assert.deepEqual(
      declared.filter((a) => !emitted.has(a)),
      [],
      `${paper.id} declares arms its recipe did not emit on the tiny config (all controls on)`,
    );
  });
}
