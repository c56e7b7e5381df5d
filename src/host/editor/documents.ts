import * as vscode from 'vscode';
import { EXPERIMENT_GLOB, isExperimentFile } from '../../core/files/experimentFile';

export { EXPERIMENT_GLOB };

export const experimentSelector: vscode.DocumentSelector = [
  { scheme: 'file', pattern: EXPERIMENT_GLOB },
  { scheme: 'untitled', pattern: EXPERIMENT_GLOB },
  { scheme: 'vscode-remote', pattern: EXPERIMENT_GLOB },
];

/** Experiment configs: `*.exp.yaml`, `*.exp.yml`, `*.exp.json` in any case, whatever language id VS Code gave them. */
export function isExperimentUri(uri: vscode.Uri): boolean {
  return isExperimentFile(uri.path);
}

export function isExperimentDocument(doc: vscode.TextDocument): boolean {
  return isExperimentUri(doc.uri);
}
