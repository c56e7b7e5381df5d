/** Command ids, defined once. A test checks that package.json contributes exactly these. */
export const Commands = {
  newExperiment: 'paperlab.newExperiment',
  runExperiment: 'paperlab.runExperiment',
  stopRun: 'paperlab.stopRun',
  openDashboard: 'paperlab.openDashboard',
  compareRuns: 'paperlab.compareRuns',
  exportReport: 'paperlab.exportReport',
  lintWorkspace: 'paperlab.lintWorkspace',
  installNativeBackend: 'paperlab.installNativeBackend',
  showLog: 'paperlab.showLog',
  openPaper: 'paperlab.openPaper',
  runSweep: 'paperlab.runSweep',
  cancelSweep: 'paperlab.cancelSweep',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/** The dashboard's webview type, for the panel serializer. */
export const DASHBOARD_VIEW_TYPE = 'paperlab.dashboard';
