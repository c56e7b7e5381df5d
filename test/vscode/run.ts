// Runs the in-VS-Code suites and exits with their result.
//
//   node --import tsx test/vscode/run.ts [--suite main|restricted|reload|vsix|all] [--verbose] [--results FILE]
//
// Two runners for the same mocha suites:
//  - VS Code server (code-server 4.100.3) + Debian Chromium + playwright-core: the default, and the
//    only one that works without internet (CI here);
//  - @vscode/test-electron, which downloads desktop VS Code 1.100.3 on first use (needs internet).
// The runner is chosen by PAPERLAB_VSCODE_RUNNER=server|electron; unset, it is electron when a
// desktop `code` is on PATH, CI is not set and @vscode/test-electron is installed, and the server
// otherwise; if the electron run cannot start VS Code (no download), the suite falls back to the server.
// Suites: `main` (test/vscode/suite/, a trusted workspace), `restricted` (test/vscode/restricted/,
// the same fixtures opened in Restricted Mode) and `reload` (test/vscode/reload/: a run that must
// survive "Reload Window"; the suite runs twice, before and after the reload).
// With the server runner, the suites can read the workbench's and webviews' DOM and press keys
// through the UI bridge (harness/uiBridge.ts). Each gets a fresh server, profile and copy of the
// fixture workspace (test/vscode/workspace/), and everything is killed on every exit path.
// `vsix` (test/vscode/vsix/) packages the extension, installs the VSIX into a fresh VS Code server and
// drives it from the workbench's UI in a workspace outside the repository.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exitWith, removeAtCleanup } from './harness/cleanup';
import { bundleSuite } from './harness/bundle';
import { openWorkbench } from './harness/browser';
import { repoRoot, startCodeServer } from './harness/server';
import { RESULT_MARKER, START_MARKER, type SuiteResult } from './harness/mochaInHost';
import { electronAvailable, runWithElectron } from './harness/electron';
import { runVsixSuite } from './vsix/installed';
import { handleUiLine } from './harness/uiBridge';
import type { Page } from 'playwright-core';

const SUITES = { main: 'suite', restricted: 'restricted', reload: 'reload', vsix: 'vsix' } as const;
type SuiteName = keyof typeof SUITES;

const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose') || !!process.env.PAPERLAB_VERBOSE;
const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const which = arg('--suite') ?? 'all';
const resultsFile = arg('--results');
const timeoutMs = Number(process.env.PAPERLAB_VSCODE_TIMEOUT ?? 300_000);

// Known harmless noise of the web workbench without internet (see the notes); shown with --verbose.
// (CodeExpectedError: logged by the workbench when the paper page's Markdown preview replaces an editor.)
const NOISE = [
  /service ?worker/i,
  /open-vsx/i,
  /Failed to load resource/i,
  /\/static\/out\/vs\/.*\.js:\d+/,
  /^CodeExpectedError$/,
  // The reload suite's window reloading and reconnecting to its server:
  /^\[lifecycle\]/,
  /connection token|Creating a socket|reading 'extensionHost'|additional builtin extensions/,
];

function prefix(suite: string, line: string): string {
  return line
    .split('\n')
    .map((l) => `  [${suite}] ${l}`)
    .join('\n');
}

function fixtureCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'paperlab-ws-'));
  removeAtCleanup(dir);
  cpSync(path.join(repoRoot, 'test', 'vscode', 'workspace'), dir, { recursive: true });
  return dir;
}

/**
 * Trainers started from the editor outlive the window, by design, and so the VS Code server: kill
 * those a suite left running in its workspace (a failed test, a run still training).
 */
function killLeftoverTrainers(folder: string): void {
  const runs = path.join(folder, '.paperlab', 'runs');
  if (!existsSync(runs)) return;
  for (const id of readdirSync(runs)) {
    try {
      const m = JSON.parse(readFileSync(path.join(runs, id, 'manifest.json'), 'utf8'));
      if (m.status === 'running' && Number.isInteger(m.pid)) process.kill(m.pid, 'SIGKILL');
    } catch {
      // no manifest, or the process is gone already
    }
  }
}

async function runSuite(name: SuiteName): Promise<SuiteResult> {
  // The packaged extension is driven from outside through the workbench's UI (vsix/installed.ts).
  if (name === 'vsix') return runVsixSuite({ verbose, log: (l) => console.log(prefix(name, l)) });
  const bundle = await bundleSuite(SUITES[name], name);
  const folder = fixtureCopy();
  const t0 = Date.now();
  const results: SuiteResult[] = [];
  // Without --verbose, only what is logged while mocha runs is shown (the workbench's own start-up
  // chatter arrives on the same channel with the same type, so time is the only way to tell).
  let inSuite = false;
  const hidden: string[] = []; // shown if the suite never reports (a load error happens before mocha starts)
  const onLine = (text: string) => {
    for (const line of text.split('\n')) {
      if (line.startsWith(START_MARKER)) {
        inSuite = true;
      } else if (line.startsWith(RESULT_MARKER)) {
        inSuite = false;
        try {
          results.push(JSON.parse(line.slice(RESULT_MARKER.length)));
        } catch {
          console.error(prefix(name, `unreadable result line: ${line}`));
        }
      } else if (verbose || (inSuite && !NOISE.some((r) => r.test(line)))) console.log(prefix(name, line));
      else if (!NOISE.some((r) => r.test(line))) (hidden.push(line), hidden.length > 60 && hidden.shift());
    }
  };
  let code: number | undefined;
  if (runner === 'electron') {
    const r = await runWithElectron({ folder, bundle, restricted: name === 'restricted', onLine });
    if (r.reason) console.log(prefix(name, r.reason));
    if (r.started || process.env.PAPERLAB_VSCODE_RUNNER === 'electron') code = r.code;
    else console.log(prefix(name, 'desktop VS Code could not be started; using VS Code server instead'));
  }
  code ??= await runWithServer(name, folder, bundle, onLine);
  killLeftoverTrainers(folder);
  console.log(prefix(name, `exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`));
  const r = results.at(-1);
  if (!r) {
    if (!verbose)
      console.log(prefix(name, `the suite did not report; the workbench's last lines:\n${hidden.join('\n')}`));
    // The suite never reported: it failed to load, crashed or hung. That is one failure, not zero.
    return {
      suite: name,
      passed: 0,
      failed: 1,
      skipped: 0,
      failures: [{ title: `${name} suite`, error: `did not report results (exit code ${code})` }],
    };
  }
  if (code !== 0 && r.failed === 0)
    (r.failures.push({ title: `${name} suite`, error: `exit code ${code}` }), (r.failed = 1));
  return r;
}

/** One suite in VS Code server + Chromium; resolves with the suite's exit code (0 = pass). */
async function runWithServer(
  name: SuiteName,
  folder: string,
  bundle: string,
  onLine: (text: string) => void,
): Promise<number> {
  const server = await startCodeServer({
    disableWorkspaceTrust: name !== 'restricted',
    env: { PAPERLAB_UI_BRIDGE: '1' },
    onOutput: verbose ? (l) => console.log(prefix(`${name}:server`, l)) : undefined,
  });
  let page: Page | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopBrowser: (() => Promise<void>) | undefined;
  const code = await new Promise<number>((resolve, reject) => {
    timer = setTimeout(() => {
      console.error(prefix(name, `timed out after ${timeoutMs / 1000} s`));
      resolve(124);
    }, timeoutMs);
    openWorkbench({
      server,
      folder,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: bundle,
      onLog: (_type, text) => {
        // Requests of the UI bridge are answered here and not shown.
        const rest = text.split('\n').filter((l) => !handleUiLine(page, l));
        if (rest.length) onLine(rest.join('\n'));
      },
      onExit: resolve,
    })
      .then((wb) => {
        page = wb.page;
        const close = wb.close;
        page.on('crash', () => resolve(70));
        page.on('pageerror', (e) => verbose && console.log(prefix(`${name}:page`, String(e))));
        stopBrowser = close;
      })
      .catch(reject);
  });
  clearTimeout(timer);
  await stopBrowser?.();
  await server.stop();
  return code;
}

function chooseRunner(): 'server' | 'electron' {
  const forced = process.env.PAPERLAB_VSCODE_RUNNER;
  if (forced === 'server' || forced === 'electron') return forced;
  const hasCode = spawnSync('which', ['code'], { stdio: 'ignore' }).status === 0;
  return !process.env.CI && hasCode && electronAvailable() ? 'electron' : 'server';
}
const runner = chooseRunner();

async function main(): Promise<number> {
  const names: SuiteName[] = which === 'all' ? ['main', 'restricted', 'reload', 'vsix'] : [which as SuiteName];
  if (!names.every((n) => n in SUITES)) {
    console.error(`unknown suite "${which}": use main, restricted, reload, vsix or all`);
    return 2;
  }
  console.log(
    `VS Code runner: ${runner === 'server' ? 'VS Code server 1.100.3 + Chromium' : 'desktop VS Code 1.100.3 (@vscode/test-electron)'}`,
  );
  const all: SuiteResult[] = [];
  for (const n of names) all.push(await runSuite(n));
  const passed = all.reduce((a, r) => a + r.passed, 0);
  const failed = all.reduce((a, r) => a + r.failed, 0);
  const skipped = all.reduce((a, r) => a + r.skipped, 0);
  for (const r of all) for (const f of r.failures) console.log(`  ✗ [${r.suite}] ${f.title}: ${f.error}`);
  console.log(`VS Code suites: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify({ passed, failed, skipped, suites: all }, null, 2));
  return failed > 0 ? 1 : 0;
}

main().then(exitWith, async (e) => {
  console.error(`VS Code suite runner failed: ${e instanceof Error ? e.message : e}`);
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify({ passed: 0, failed: 1, skipped: 0, error: String(e) }));
  await exitWith(1);
});
