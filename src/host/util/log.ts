import * as vscode from 'vscode';

/** The extension's one log (STYLE.md, convention 10): "Paperlab" in the Output panel. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Paperlab', { log: true });
}

/** Runs a command body so that an unexpected error becomes a message and a log line, never a throw into VS Code. */
export function guarded<A extends unknown[]>(
  log: vscode.LogOutputChannel,
  what: string,
  fn: (...args: A) => unknown,
): (...args: A) => Promise<unknown> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log.error(`${what} failed: ${err instanceof Error && err.stack ? err.stack : message}`);
      const choice = await vscode.window.showErrorMessage(`Paperlab: ${what} failed: ${message}`, 'Show Log');
      if (choice === 'Show Log') log.show();
      return undefined;
    }
  };
}
