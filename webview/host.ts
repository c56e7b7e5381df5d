/**
 * Who the webview talks to: VS Code (through `acquireVsCodeApi`), or nobody when the page is a
 * static HTML report with its data inlined. The webview never touches files: exports go to the host,
 * which shows a save dialog (downloads from inside a VS Code webview fail); a report in a browser
 * downloads directly.
 */
import type { DashboardSnapshot, WebviewToHost } from '../src/core/protocol/dashboard';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export interface Host {
  /** True in a static report: no live updates, exports download in the browser. */
  readonly isReport: boolean;
  post(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
  /** The inlined data of a report. */
  snapshot?: DashboardSnapshot;
}

export function connectHost(): Host {
  const inline = document.getElementById('paperlab-data');
  // Inside VS Code (a report opened in a webview), downloads fail: exports go to the host's save dialog.
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  if (inline?.textContent) {
    const snapshot = JSON.parse(inline.textContent) as DashboardSnapshot;
    let state: unknown;
    return {
      isReport: true,
      snapshot,
      post: (m) => {
        if (m.type !== 'export') return;
        if (vscode) vscode.postMessage(m);
        else download(m.suggestedName, m.format, m.content);
      },
      getState: () => state,
      setState: (s) => (state = s),
    };
  }
  return {
    isReport: false,
    post: (m) => vscode?.postMessage(m),
    getState: () => vscode?.getState(),
    setState: (s) => vscode?.setState(s),
  };
}

function download(name: string, format: 'png' | 'csv' | 'json', content: string): void {
  const a = document.createElement('a');
  a.download = `${name}.${format}`;
  a.href =
    format === 'png'
      ? content
      : URL.createObjectURL(new Blob([content], { type: format === 'csv' ? 'text/csv' : 'application/json' }));
  document.body.append(a);
  a.click();
  a.remove();
}
