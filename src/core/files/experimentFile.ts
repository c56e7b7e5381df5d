/**
 * Which files are experiment configs: `*.exp.yaml`, `*.exp.yml`, `*.exp.json`, in any letter case
 * (`Foo.EXP.YAML` is one too: a file system that ignores case, or a habit, should not decide whether a
 * config that lints can also run). The one definition shared by the CLI, the editor and the run command.
 */
import { MAX_CONFIG_CHARS } from '../config/document';
import { readTextFile, readTextFileSync, type TextRead } from './read';

export const EXPERIMENT_FILE_RE = /\.exp\.(ya?ml|json)$/i;

/** Each letter as a class of both cases: VS Code's globs (and ripgrep's, behind findFiles) match case exactly on Linux. */
const anyCase = (s: string) => s.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);

/**
 * The same as a VS Code glob (document selectors, findFiles), each letter of `exp`, `yaml`, `yml` and
 * `json` a class of both cases. With the plain lower-case glob a `Run.EXP.YAML` got diagnostics (they
 * test the name with the regex) but no Run lens, completion or hover, and the workspace lint skipped it
 * while the CLI linted it.
 */
export const EXPERIMENT_GLOB = `**/*.${anyCase('exp')}.{${['yaml', 'yml', 'json'].map(anyCase).join(',')}}`;

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
