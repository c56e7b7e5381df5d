/**
 * Which files are experiment configs: `*.exp.yaml`, `*.exp.yml`, `*.exp.json`, in any letter case
 * (`Foo.EXP.YAML` is one too: a file system that ignores case, or a habit, should not decide whether a
 * config that lints can also run). The one definition shared by the CLI, the editor and the run command.
 */
export const EXPERIMENT_FILE_RE = /\.exp\.(ya?ml|json)$/i;

/** The same as a VS Code glob (document selectors, `workspaceContains`). */
export const EXPERIMENT_GLOB = '**/*.exp.{yaml,yml,json}';

/** True for a file name or path (`/` or `\` separated) that names an experiment config. */
export function isExperimentFile(nameOrPath: string): boolean {
  return EXPERIMENT_FILE_RE.test(nameOrPath);
}
