// The README's dashboard screenshots: a real VS Code window (VS Code server + Debian Chromium, the
// default 1400×900 window with the Explorer open) showing the lottery-ticket config and, beside it,
// the dashboard at the size it opens by default, on a real run.
//
//   node --import tsx scripts/screenshot-readme.ts <run folder> [--theme light|dark|both]
//
// Give a run folder written by `paperlab run examples/lottery-ticket.exp.yaml`. Writes
// docs/screenshots/dashboard-<theme>.png.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSession, runScript } from './screenshot-session';
import { repoRoot } from '../test/vscode/harness/server';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runDir = args[0]?.startsWith('--') ? undefined : args[0];
const which = opt('--theme', 'both');
const themes: ('light' | 'dark')[] = which === 'both' ? ['light', 'dark'] : [which === 'dark' ? 'dark' : 'light'];

runScript(async () => {
  if (!runDir) throw new Error('usage: node --import tsx scripts/screenshot-readme.ts <run folder> [--theme …]');
  // The workspace: the example config and its run (without the weights, which the dashboard never reads).
  const ws = mkdtempSync(path.join(os.tmpdir(), 'paperlab-readme-'));
  const runs = path.join(ws, '.paperlab', 'runs', path.basename(runDir));
  mkdirSync(runs, { recursive: true });
  cpSync(path.resolve(runDir), runs, { recursive: true, filter: (src) => !src.includes(`${path.sep}weights`) });
  const config = readFileSync(path.join(repoRoot, 'examples', 'lottery-ticket.exp.yaml'), 'utf8');
  let built = false;
  for (const theme of themes) {
    const s = await openSession({
      theme,
      copyFrom: ws,
      folderName: 'my-experiments',
      files: { 'lottery-ticket.exp.yaml': config },
      skipBuild: built,
    });
    built = true;
    await s.openFile('lottery-ticket.exp.yaml');
    // Nothing trains: the dashboard opens on the latest run, beside the editor, at its default size.
    await s.runCommand('Paperlab: Open Dashboard');
    const frame = async () => {
      for (const f of s.page.frames())
        if ((await f.evaluate('document.title').catch(() => '')) === 'Paperlab Dashboard') return f;
      return undefined;
    };
    const deadline = Date.now() + 60_000;
    for (;;) {
      const f = await frame();
      const drawn = f
        ? await f.evaluate(
            `[...document.querySelectorAll('section.card')].slice(0, 2).every((c) => c.dataset.points) && document.querySelectorAll('section.card').length > 0`,
          )
        : false;
      if (drawn) break;
      if (Date.now() > deadline) throw new Error('the dashboard did not draw the run');
      await s.page.waitForTimeout(250);
    }
    await s.page.waitForTimeout(800);
    console.log(`saved ${await s.shot(`docs/screenshots/dashboard-${theme}.png`)}`);
    await s.close();
  }
  rmSync(ws, { recursive: true, force: true });
});
