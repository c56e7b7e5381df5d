import * as vscode from 'vscode';
import path from 'node:path';
import { DEFAULT_RUNS_DIR } from '../../core/runs/events';

/**
 * Where run folders go: `paperlab.runsDirectory`, absolute or relative to the workspace folder of
 * `uri` (for a config outside any folder, relative to the config's own folder). One rule for the
 * Run command, which writes there, and the dashboard, which reads there.
 */
export function runsDirFor(uri: vscode.Uri): string {
  const setting =
    vscode.workspace.getConfiguration('paperlab', uri).get<string>('runsDirectory', DEFAULT_RUNS_DIR) ||
    DEFAULT_RUNS_DIR;
  if (path.isAbsolute(setting)) return setting;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return path.join(folder ? folder.uri.fsPath : path.dirname(uri.fsPath), setting);
}
