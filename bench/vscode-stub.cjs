// A stand-in for the `vscode` module, just enough for `activate()` to run outside VS Code: every
// property is a callable that returns another stand-in, so registrations succeed and do nothing.
// Used only to time the cost of loading and activating our own bundle.
const special = {
  textDocuments: [],
  workspaceFolders: undefined,
  isTrusted: true,
  getConfiguration: () => ({ get: (_k, d) => d }),
};
function stub(name) {
  const fn = function () {};
  return new Proxy(fn, {
    get(_t, prop) {
      if (prop === 'then') return undefined; // not a promise
      if (prop === Symbol.iterator) return [][Symbol.iterator];
      if (prop === Symbol.toPrimitive) return () => 0;
      if (typeof prop === 'string' && prop in special) return special[prop];
      if (prop === 'dispose') return () => {};
      return stub(`${name}.${String(prop)}`);
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`),
  });
}
module.exports = stub('vscode');
