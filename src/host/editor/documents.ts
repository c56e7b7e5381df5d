import * as vscode from 'vscode';

/** Experiment configs: `*.exp.yaml`, `*.exp.yml`, `*.exp.json`, whatever language id VS Code gave them. */
export const EXPERIMENT_GLOB = '**/*.exp.{yaml,yml,json}';

export const experimentSelector: vscode.DocumentSelector = [
  { scheme: 'file', pattern: EXPERIMENT_GLOB },
  { scheme: 'untitled', pattern: EXPERIMENT_GLOB },
  { scheme: 'vscode-remote', pattern: EXPERIMENT_GLOB },
];

const EXPERIMENT_RE = /\.exp\.(ya?ml|json)$/i;

export function isExperimentUri(uri: vscode.Uri): boolean {
  return EXPERIMENT_RE.test(uri.path);
}

export function isExperimentDocument(doc: vscode.TextDocument): boolean {
  return isExperimentUri(doc.uri);
}
