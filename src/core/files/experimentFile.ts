/**
 * Which files are experiment configs: `*.exp.yaml`, `*.exp.yml`, `*.exp.json`, in any letter case
 * (`Foo.EXP.YAML` is one too: a file system that ignores case, or a habit, should not decide whether a
 * config that lints can also run). The one definition shared by the CLI, the editor and the run command.
 */
import { MAX_CONFIG_CHARS } from '../config/document';
import { readTextFile, readTextFileSync, type TextRead } from './read';

export const EXPERIMENT_FILE_RE = /\.exp\.(ya?ml|json)$/i;

/** The same as a VS Code glob (document selectors, `workspaceContains`). */
export const EXPERIMENT_GLOB = '**/*.exp.{yaml,yml,json}';

/** True for a file name or path (`/` or `\` separated) that names an experiment config. */
export function isExperimentFile(nameOrPath: string): boolean {
  return EXPERIMENT_FILE_RE.test(nameOrPath);
}

/**
 * Largest config file read, in bytes: four times the characters the document model accepts
 * (`MAX_CONFIG_CHARS`, UTF-8 takes up to 4 bytes a character), so its own "too large" finding speaks
 * for every file in between, and nothing larger is ever loaded.
 */
export const MAX_CONFIG_FILE_BYTES = 4 * MAX_CONFIG_CHARS;

/** The text of a config file (BOM dropped), refusing FIFOs, devices, folders and oversized files. */
export function readExperimentFileSync(file: string): TextRead {
  return readTextFileSync(file, { maxBytes: MAX_CONFIG_FILE_BYTES });
}

export function readExperimentFile(file: string): Promise<TextRead> {
  return readTextFile(file, { maxBytes: MAX_CONFIG_FILE_BYTES });
}
