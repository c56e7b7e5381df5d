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
    set: () => true, // assignments (item.text = …) are accepted and forgotten
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`),
  });
}
// Bundlers copy the module's own keys (esbuild's __toESM), so the top-level namespaces must be real keys.
const names = [
  'window',
  'workspace',
  'languages',
  'commands',
  'env',
  'extensions',
  'tasks',
  'l10n',
  'Uri',
  'Range',
  'Position',
  'Selection',
  'Diagnostic',
  'DiagnosticSeverity',
  'CompletionItem',
  'CompletionItemKind',
  'CodeAction',
  'CodeActionKind',
  'CodeLens',
  'EventEmitter',
  'Disposable',
  'MarkdownString',
  'Hover',
  'SnippetString',
  'WorkspaceEdit',
  'TextEdit',
  'QuickPickItemKind',
  'StatusBarAlignment',
  'ThemeColor',
  'ThemeIcon',
  'ViewColumn',
  'ProgressLocation',
  'RelativePattern',
  'FileType',
  'ConfigurationTarget',
  'LogLevel',
  'UIKind',
  'ExtensionMode',
];
module.exports = Object.fromEntries(names.map((n) => [n, stub(n)]));
