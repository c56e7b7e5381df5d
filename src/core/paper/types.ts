/**
 * The paper plug-in contract. A paper lives in `src/papers/<id>/` and is declared with
 * `definePaper(...)` (./define.ts); its training recipe with `defineRecipe(...)`
 * (src/trainer/recipe.ts). The config type flows from the paper's TypeBox schema (`Static<S>`) to
 * its rules, paper setting, key settings, work estimate and recipe, so `tsc` rejects a rule that
 * reads a key the schema does not have.
 *
 * Two views of one paper:
 *   PaperSpec<C>     — what a paper author writes, typed by the paper's config C;
 *   PaperDefinition  — what the linter, editor, dashboard and trainer see: the same data with the
 *                      config type erased, so papers of different shapes sit in one registry.
 * `definePaper` is the one place that turns the first into the second.
 *
 * Core owns this contract; papers import it, core never imports the papers (the registry is passed
 * in), so the layers point one way.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { FigureSpec, ReferenceNumber } from '../figures/spec';
import type { Severity } from '../config/findings';
import type { TrainingBlock } from './blocks';

export type Tier = 'A' | 'B' | 'C';

/** What every catalog entry has, implemented or not (`papers/catalog.ts`). */
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

/**
 * The paths a config of type C has: `['train', 'lr']` is a `PathOf<LotteryTicketConfig>`,
 * `['train', 'lrr']` is not. Arrays are entered by index. Depth-limited so that recursive or very
 * deep types stay cheap for the compiler.
 */
export type PathOf<C, Depth extends unknown[] = []> = Depth['length'] extends 5
  ? never
  : C extends readonly (infer E)[]
    ? [number] | [number, ...PathOf<E, [...Depth, unknown]>]
    : C extends object
      ? {
          [K in keyof C & string]-?: [K] | [K, ...PathOf<NonNullable<C[K]>, [...Depth, unknown]>];
        }[keyof C & string]
      : never;

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
 * A cross-field rule the schema cannot say. `check` receives the config with the schema's defaults
 * filled in, and only once every value has the type the schema gives it (range errors and unknown
 * keys do not hold rules back; a wrong type or a missing required key does, until it is fixed). So a
 * rule reads `c.train.lr` as the number it is, without defensive checks.
 *
 * Contravariant in C: a rule written for `{ train: TrainBlock }` serves every paper whose config has
 * that block (see papers/common/rules.ts).
 */
export interface PaperRule<C> {
  code: string;
  /** One line, for docs and the rule list. */
  title: string;
  /** Where the rule comes from (paper section, table, code file and line). */
  source: string;
  check: (config: C) => RuleFinding[];
}

/** The type of the value a config of type C holds at path P: `ValueAt<C, ['train', 'lr']>` is `number`. */
export type ValueAt<C, P> = P extends [infer K, ...infer Rest]
  ? K extends keyof NonNullable<C>
    ? ValueAt<NonNullable<C>[K], Rest>
    : never
  : C;

/** One `{ path, value }` pair per path of C, the value typed by its path (distributes over the union). */
type PathValue<C, P> = P extends unknown ? { path: P; value: ValueAt<C, P> } : never;

/**
 * The paper's own value for a key: drives hover, "use the paper's value" and departure notes. Typed by
 * the config: the path must exist and the value must have that key's type (`value: 'fast'` for
 * `train.lr` does not compile).
 */
export type PaperSetting<C = unknown> = {
  source: string;
  /** Whether departing from it deserves an information-level note (not an error). */
  noteDeparture?: boolean;
  /** Why it matters, one line. */
  why?: string;
} & (unknown extends C ? { path: ConfigPath; value: unknown } : PathValue<C, PathOf<C>>);

/**
 * An experimental condition a recipe emits as `series.arm`. The dashboard draws `method` arms solid
 * and `control` arms dashed, and the legend uses `label`.
 */
export interface ArmSpec {
  id: string;
  label: string;
  /** `method`: what the paper proposes or studies; `control`: what it compares against. */
  role: 'method' | 'control';
}

/** A setting that tells runs of this paper apart in the run list ("rounds 7", "lr 1.2e-3"). */
export interface KeySetting<C = unknown> {
  label: string;
  path: unknown extends C ? ConfigPath : PathOf<C>;
}

/** What a paper author writes (through `definePaper`), typed by the paper's schema S. */
export interface PaperSpec<S extends TSchema> extends PaperInfo {
  /** What the paper claims, a few sentences, for the "Paper" page. */
  claims: string;
  /** Citation line: authors, venue, year. */
  citation: string;
  /** The whole config schema (TypeBox: gives the TS type, the Ajv validator and the JSON Schema file). */
  schema: S;
  rules: readonly PaperRule<Static<S>>[];
  paperSetting: readonly PaperSetting<Static<S>>[];
  references: ReferenceNumber[];
  figures: FigureSpec[];
  /** The arms its recipe emits, method first. */
  arms: readonly ArmSpec[];
  /** The settings shown beside each run in the dashboard's run list, most telling first. */
  keySettings: readonly KeySetting<Static<S>>[];
  /** The example config, YAML with comments: "New Experiment from Paper…" offers it; the build writes it to `examples/<id>.exp.yaml`. */
  exampleYaml: string;
  /** What our small-scale setting changes relative to the paper's, said plainly (dashboard, report). */
  scaleNote: string;
  /**
   * The run's amount of work for a resolved config, in MAC-equivalents (src/core/estimate/work.ts):
   * the editor turns it into "~6 min on this machine". Optional: without it no estimate is shown.
   */
  work?: (config: Static<S>) => number;
  /**
   * Only for a schema-only paper: the training blocks Paperlab lacks to run it (ids of ./blocks.ts, as
   * the research notes name them). Its configs are checked all the same; Run says what is missing
   * instead of starting a trainer. Absent: the paper trains (a test checks it has a recipe.ts).
   */
  needs?: readonly [TrainingBlock, ...TrainingBlock[]];
}

/** A paper as the rest of Paperlab sees it: the spec with its config type erased. */
export interface PaperDefinition extends PaperInfo {
  claims: string;
  citation: string;
  schema: TSchema;
  rules: readonly PaperRule<unknown>[];
  paperSetting: readonly PaperSetting[];
  references: ReferenceNumber[];
  figures: FigureSpec[];
  arms: readonly ArmSpec[];
  keySettings: readonly KeySetting[];
  exampleYaml: string;
  scaleNote: string;
  work?: (config: unknown) => number;
  needs?: readonly [TrainingBlock, ...TrainingBlock[]];
}

/** A definition that still knows its schema's type, so `defineRecipe` can type the recipe's config. */
export type TypedPaperDefinition<S extends TSchema> = PaperDefinition & { readonly schema: S };

export type PaperEntry = PaperDefinition | PaperInfo;

export function isImplemented(p: PaperEntry): p is PaperDefinition {
  return 'schema' in p;
}

/** The papers Paperlab knows, as core receives them (core never imports `src/papers/`). */
export interface PaperRegistry {
  get(id: string): PaperEntry | undefined;
  /** Every catalog paper, definitions in place of their info entries, in catalog order. */
  all(): readonly PaperEntry[];
  implemented(): readonly PaperDefinition[];
  /** Ids close to an unknown one, best first. */
  suggest(unknown: string, max?: number): string[];
}
