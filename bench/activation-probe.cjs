// One fresh process = one cold activation: require the bundle (with the stub `vscode`), call activate().
const Module = require('module');
const path = require('path');
const stubPath = path.join(__dirname, 'vscode-stub.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? stubPath : resolve.call(this, request, ...rest);
};
const t0 = performance.now();
const ext = require(path.join(__dirname, '..', 'dist', 'extension.js'));
const context = { subscriptions: [], globalStorageUri: { fsPath: '/tmp' }, extensionUri: { fsPath: path.join(__dirname, '..') }, extensionPath: path.join(__dirname, '..') };
const api = ext.activate(context);
const total = performance.now() - t0;
process.stdout.write(JSON.stringify({ total, inside: api && api.activationMillis }));
