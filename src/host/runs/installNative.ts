/**
 * "Paperlab: Install Native Backend": installs @tensorflow/tfjs-node (the version matching our tfjs)
 * into the extension's global storage with the npm on PATH, streaming npm's output to the log.
 * tfjs-node's install script downloads libtensorflow (~300 MB) from Google's storage, so on a machine
 * without that access it fails — we say so in words and give the manual route.
 */
import * as vscode from 'vscode';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';

import { TFJS_NODE_SPEC, explainNpmFailure, manualInstructions } from './nativeHelp';

export async function installNativeBackend(dir: string, log: vscode.LogOutputChannel): Promise<boolean> {
  mkdirSync(dir, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  log.info(`installing ${TFJS_NODE_SPEC} into ${dir}`);
  const result = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Paperlab: installing the native backend (${TFJS_NODE_SPEC})…`,
      cancellable: true,
    },
    (_progress, token) =>
      new Promise<{ code: number | null; output: string; missing: boolean }>((resolve) => {
        let output = '';
        const child = spawn(npm, ['install', TFJS_NODE_SPEC, '--prefix', dir, '--no-audit', '--no-fund'], {
          shell: process.platform === 'win32',
        });
        const onData = (d: Buffer) => {
          const text = d.toString();
          output = (output + text).slice(-64 * 1024);
          for (const line of text.split('\n')) if (line.trim()) log.info(`npm: ${line}`);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        token.onCancellationRequested(() => child.kill());
        child.on('error', (e) =>
          resolve({ code: null, output: String(e), missing: (e as NodeJS.ErrnoException).code === 'ENOENT' }),
        );
        child.on('close', (code) => resolve({ code, output, missing: false }));
      }),
  );
  if (result.missing) {
    await vscode.window.showWarningMessage(
      `Paperlab: npm is not on PATH, so the native backend cannot be installed from here. ${manualInstructions(dir)}`,
      { modal: true },
    );
    return false;
  }
  if (result.code !== 0) {
    const why = explainNpmFailure(result.output, result.code);
    log.error(`native backend install failed: ${why}`);
    const pick = await vscode.window.showErrorMessage(
      `Paperlab: the native backend was not installed. ${why} ${manualInstructions(dir)}`,
      'Show Log',
    );
    if (pick) log.show();
    return false;
  }
  await vscode.window.showInformationMessage(
    'Paperlab: native backend installed. New runs with backend "auto" or "node" use it.',
  );
  return true;
}
