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
const extRoot = path.join(__dirname, '..');
const vscodeStub = require(stubPath);
const context = new Proxy(
  {
    subscriptions: [],
    globalStorageUri: { fsPath: '/tmp' },
    extensionUri: { fsPath: extRoot },
    extensionPath: extRoot,
    asAbsolutePath: (p) => path.join(extRoot, p),
  },
  { get: (t, k) => (k in t ? t[k] : vscodeStub.window) }, // anything else: a harmless stand-in
);
const api = ext.activate(context);
const total = performance.now() - t0;
process.stdout.write(JSON.stringify({ total, inside: api && api.activationMillis }));
