// The desktop runner: @vscode/test-electron downloads VS Code (pinned to the version the server
// runner uses, so both tiers see the same API) and runs the same suite bundle in it. It needs
// internet on first use; select it with PAPERLAB_VSCODE_RUNNER=electron.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeAtCleanup } from './cleanup';
import { quietSettings, repoRoot } from './server';
import { RESULT_MARKER } from './mochaInHost';

interface TestElectron {
  runTests(o: {
    version?: string;
    extensionDevelopmentPath: string;
    extensionTestsPath: string;
    launchArgs?: string[];
    extensionTestsEnv?: Record<string, string | undefined>;
  }): Promise<number>;
}

const MODULE = '@vscode/test-electron'; // a variable: the package is optional, not a type dependency

export function electronAvailable(): boolean {
  try {
    require.resolve(MODULE);
    return true;
  } catch {
    return false;
  }
}

/** `started` is false when VS Code never ran the suite (no download, no display): the caller may fall back. */
export async function runWithElectron(o: {
  folder: string;
  bundle: string;
  restricted: boolean;
  onLine: (l: string) => void;
}): Promise<{ code: number; started: boolean; reason?: string }> {
  let te: TestElectron;
  try {
    te = (await import(MODULE)) as TestElectron;
  } catch {
    return { code: 1, started: false, reason: `the desktop runner needs ${MODULE}: npm install --save-dev ${MODULE}` };
  }
  const home = mkdtempSync(path.join(os.tmpdir(), 'paperlab-electron-'));
  removeAtCleanup(home);
  mkdirSync(path.join(home, 'User'), { recursive: true });
  writeFileSync(path.join(home, 'User', 'settings.json'), JSON.stringify(quietSettings, null, 2));
  const launchArgs = [
    o.folder,
    '--disable-extensions',
    '--skip-welcome',
    '--skip-release-notes',
    `--user-data-dir=${home}`,
  ];
  if (!o.restricted) launchArgs.push('--disable-workspace-trust');
  o.onLine('running in desktop VS Code 1.100.3 through @vscode/test-electron');
  // VS Code's output goes straight to our stdout, so the suite also writes its counts to a file.
  const resultsFile = path.join(home, 'result.json');
  try {
    const code = await te.runTests({
      version: '1.100.3',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: o.bundle,
      launchArgs,
      extensionTestsEnv: { PAPERLAB_SUITE_RESULTS_FILE: resultsFile },
    });
    if (existsSync(resultsFile)) o.onLine(`${RESULT_MARKER} ${readFileSync(resultsFile, 'utf8')}`);
    return { code, started: true };
  } catch (e) {
    // test-electron rejects both when tests fail and when VS Code cannot be downloaded or started;
    // the suite's result file tells the two apart.
    const started = existsSync(resultsFile);
    if (started) o.onLine(`${RESULT_MARKER} ${readFileSync(resultsFile, 'utf8')}`);
    return { code: 1, started, reason: `test-electron: ${e instanceof Error ? e.message : String(e)}` };
  }
}
