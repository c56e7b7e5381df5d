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

export async function runWithElectron(o: { folder: string; bundle: string; restricted: boolean; onLine: (l: string) => void }): Promise<number> {
  let te: TestElectron;
  try {
    const name = '@vscode/test-electron'; // a variable: the package is optional, not a type dependency
    te = (await import(name)) as TestElectron;
  } catch {
    throw new Error('PAPERLAB_VSCODE_RUNNER=electron needs @vscode/test-electron: npm install --save-dev @vscode/test-electron');
  }
  const home = mkdtempSync(path.join(os.tmpdir(), 'paperlab-electron-'));
  removeAtCleanup(home);
  mkdirSync(path.join(home, 'User'), { recursive: true });
  writeFileSync(path.join(home, 'User', 'settings.json'), JSON.stringify(quietSettings, null, 2));
  const launchArgs = [o.folder, '--disable-extensions', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${home}`];
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
    return code;
  } catch (e) {
    o.onLine(`test-electron: ${e instanceof Error ? e.message : e}`);
    return 1;
  }
}
