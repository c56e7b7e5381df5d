// The layers of Paperlab and the one direction their imports point (README, "How it is built"):
//
//   webview ─► core (protocol, figures, run events)        cli ─► core, papers        host ─► core, papers
//   papers/<id> ─► core, papers/common, trainer (recipes)  trainer ─► core, papers (the recipe registry)
//   core ─► nothing of ours but core
//
// `npm run deps` (part of `npm test` and `.ci/run`) fails on any import that breaks a rule below;
// test/unit/layers/walls.test.ts proves each kind of wrong import is caught.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'src/core is pure TypeScript shared by the extension, the CLI, the trainer and the webview: no VS Code API, no tfjs.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: ['^vscode$', 'node_modules/@types/vscode/', 'node_modules/@tensorflow/'] },
    },
    {
      name: 'core-imports-only-core',
      comment:
        'core receives the paper registry and everything else it needs from its callers (lintText(text, file, { papers })): it imports no other layer.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: ['^src/(papers|host|cli|trainer)/', '^src/extension\\.ts$', '^webview/'] },
    },
    {
      name: 'papers-not-host-cli',
      comment: 'A paper is data and a recipe: it never reaches into the editor (host), the CLI or the dashboard.',
      severity: 'error',
      from: { path: '^src/papers/' },
      to: {
        path: ['^vscode$', 'node_modules/@types/vscode/', '^src/(host|cli)/', '^src/extension\\.ts$', '^webview/'],
      },
    },
    {
      name: 'paper-not-another-paper',
      comment:
        "A paper folder imports its own files and the shared blocks (papers/common, core, trainer), never another paper's folder: a block two papers need is a shared block.",
      severity: 'error',
      from: { path: '^src/papers/([^/]+)/' },
      to: { path: '^src/papers/', pathNot: ['^src/papers/$1/', '^src/papers/common/'] },
    },
    {
      name: 'definitions-without-tfjs',
      comment:
        "The registry (papers/index.ts: every paper's definition, rules, settings, figures) is loaded by the editor and the CLI: nothing it reaches may load tfjs. Only recipe files (papers/recipes.ts) do.",
      severity: 'error',
      from: { path: '^src/papers/index\\.ts$' },
      to: { path: 'node_modules/@tensorflow/', reachable: true },
    },
    {
      name: 'cli-not-host',
      comment: 'The CLI runs without VS Code: it shares core with the extension, never src/host.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: ['^src/host/', '^src/extension\\.ts$', '^vscode$', 'node_modules/@types/vscode/'] },
    },
    {
      name: 'host-not-trainer',
      comment:
        'The extension host starts the trainer as a child process (and never bundles tfjs): it imports no trainer code.',
      severity: 'error',
      from: { path: ['^src/host/', '^src/extension\\.ts$'] },
      to: { path: ['^src/trainer/', '^src/papers/recipes\\.ts$', 'node_modules/@tensorflow/'] },
    },
    {
      name: 'trainer-not-editor',
      comment: 'The trainer is a plain Node process: no VS Code API, no host or CLI code.',
      severity: 'error',
      from: { path: '^src/trainer/' },
      to: { path: ['^vscode$', 'node_modules/@types/vscode/', '^src/(host|cli)/', '^webview/'] },
    },
    {
      name: 'webview-only-protocol-and-figures',
      comment:
        "The dashboard runs in a browser: besides its own files it imports only core's protocol, figure code, run event types and the experiments table's pure model.",
      severity: 'error',
      from: { path: '^webview/' },
      to: {
        path: '^src/',
        pathNot: [
          '^src/core/protocol/',
          '^src/core/figures/',
          '^src/core/runs/events\\.ts$',
          '^src/core/experiments/(table|params)\\.ts$',
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^\\.vscode-test/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // `vscode` has no runtime package (the host provides it): its types stand in for it.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
