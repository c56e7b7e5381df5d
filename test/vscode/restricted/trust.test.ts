// The same fixtures opened in Restricted Mode (Workspace Trust on, folder never trusted): the
// extension still loads (capabilities.untrustedWorkspaces = limited).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated } from '../suite/util';

suite('restricted mode', () => {
  test('the workspace is not trusted (otherwise this suite proves nothing)', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('the extension activates in Restricted Mode', async () => {
    const ext = await activated();
    assert.equal(ext.isActive, true);
  });
});
