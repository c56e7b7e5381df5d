/**
 * What a paper brings to Paperlab. Each paper lives in `src/papers/<id>/`:
 *   index.ts   — its PaperDefinition (schema, rules, paper setting, references, figures, example).
 *                No tfjs and no `vscode` here: the extension host, the CLI and the trainer load it.
 *   recipe.ts  — how it trains (the only file of the folder that imports tfjs); registered in
 *                `src/papers/recipes.ts`, which only the trainer imports.
 */
import type { TSchema } from '@sinclair/typebox';
import type { FigureSpec, ReferenceNumber } from '../core/figures/spec';
import type { Severity } from '../core/config/findings';

export type Tier = 'A' | 'B' | 'C';

/** What every catalog entry has, implemented or not (`../shared/papers/CATALOG.md`). */
export interface PaperInfo {
  id: string;
  title: string;
  tier: Tier;
  cluster: string;
  /** One line on what the paper shows, for pickers and unknown-paper messages. */
  summary: string;
}

/** A path into the config object: `['train', 'lr']`, `['model', 'hidden', 0]`. */
export type ConfigPath = (string | number)[];

/** An edit described on the config's structure; the config core turns it into text edits. */
export type ConfigEdit =
  | { kind: 'setValue'; path: ConfigPath; value: unknown }
  | { kind: 'renameKey'; path: ConfigPath; newKey: string }
  | { kind: 'addKey'; parent: ConfigPath; key: string; value: unknown };

export interface ConfigFix {
  title: string;
  edits: ConfigEdit[];
  preferred?: boolean;
}

/** A finding located by path; the config core maps it to a range in the text. */
export interface RuleFinding {
  path: ConfigPath;
  /** Underline the key (default) or its value. */
  target?: 'key' | 'value';
  severity: Severity;
  /** Defaults to the rule's own code; give one only when a rule reports under another code. */
  code?: string;
  message: string;
  /** Defaults to the rule's own source; give one only when this finding rests on another. */
  source?: string;
  fixes?: ConfigFix[];
}

/**
 * A cross-field rule the schema cannot say. `check` receives the parsed config with the schema's
 * defaults filled in; fields may still be missing or of the wrong type when the schema reported an
 * error, so rules read defensively and say nothing about what they cannot read.
 */
export interface PaperRule {
  code: string;
  /** One line, for docs and the rule list. */
  title: string;
  /** Where the rule comes from (paper section, code file). */
  source: string;
  check(config: any): RuleFinding[];
}

/** The paper's own value for a key: drives hover, "use the paper's value" and departure notes. */
export interface PaperSetting {
  path: ConfigPath;
  value: unknown;
  source: string;
  /** Whether departing from it deserves an information-level note (not an error). */
  noteDeparture?: boolean;
  /** Why it matters, one line. */
  why?: string;
}

export interface PaperDefinition extends PaperInfo {
  /** What the paper claims, a few sentences, for the "Paper" page. */
  claims: string;
  /** Citation line: authors, venue, year. */
  citation: string;
  /** The whole config schema (TypeBox: gives the TS type, the Ajv validator and the JSON Schema file). */
  schema: TSchema;
  rules: PaperRule[];
  paperSetting: PaperSetting[];
  references: ReferenceNumber[];
  figures: FigureSpec[];
  /** The example config, YAML with comments: used by "New Experiment from Paper…" and `examples/`. */
  exampleYaml: string;
  /** What our small-scale setting changes relative to the paper's, said plainly (dashboard, report). */
  scaleNote: string;
  /**
   * The run's amount of work for a resolved config, in MAC-equivalents (src/core/estimate/work.ts):
   * the editor turns it into "~6 min on this machine". Optional: without it no estimate is shown.
   */
  work?: (config: any) => number;
}

export type PaperEntry = PaperDefinition | PaperInfo;

export function isImplemented(p: PaperEntry): p is PaperDefinition {
  return 'schema' in p;
}
