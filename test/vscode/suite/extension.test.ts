// The extension loads in real VS Code, and its manifest and its code agree on the commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/host/commandIds';
import { activated, extension } from './util';

suite('extension', () => {
  test('runs in VS Code 1.100 (the engine package.json admits)', () => {
    const engine = String(extension().packageJSON.engines?.vscode ?? '');
    assert.match(engine, /^\^1\.100\./, `engines.vscode is ${engine}`);
    assert.match(vscode.version, /^1\.\d+\./);
    const [, minor] = vscode.version.split('.').map(Number);
    assert.ok(minor >= 100, `VS Code ${vscode.version} is older than the engine`);
  });

  test('activates without error', async () => {
    const ext = await activated();
    assert.equal(ext.isActive, true);
  });

  test('package.json contributes exactly the command ids defined in commandIds.ts', () => {
    const contributed: string[] = (extension().packageJSON.contributes?.commands ?? []).map(
      (c: { command: string }) => c.command,
    );
    assert.deepEqual([...contributed].sort(), Object.values(Commands).sort());
  });

  test('every contributed command is registered once the extension is active', async () => {
    await activated();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = Object.values(Commands).filter((id) => !registered.has(id));
    assert.ok(missing.length === 0, `contributed in package.json but not registered: ${missing.join(', ')}`);
  });

  test('the extension host bundle loaded no TensorFlow.js', async () => {
    await activated();
    // The design forbids tfjs in the extension host (slow activation, native crashes); the bundle
    // check in esbuild.mjs guards the build, this guards what actually got loaded.
    const loaded = Object.keys(require.cache).filter((k) => k.includes('@tensorflow'));
    assert.deepEqual(loaded, []);
  });
});
