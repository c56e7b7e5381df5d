/**
 * Lint for the `sweep:` block, called from the config linter (src/core/config/lint.ts). The block is
 * taken out of the config before the paper's schema sees it (it is the config language's, not a
 * paper's), then checked here: each grid key must be a path the paper's schema has, and each value is
 * checked at that path — by the schema and by the paper's rules, on the base config with that one
 * value set — with the finding on the value's own range. Never throws (the caller turns a throw into
 * an internal-error finding anyway).
 */
import type { Finding, Fix } from '../config/findings';
import type { ConfigDocument } from '../config/document';
import type { ConfigFix, ConfigPath, PaperDefinition } from '../paper/types';
import { validateConfig, suggestKeys, showValue } from '../config/validate';
import { configEditsToTextEdits, yamlInline } from '../config/edits';
import { schemaAt, schemaOf } from '../config/schemaInfo';
import { closest, orList } from '../config/suggest';
import { MAX_CELLS, MAX_SEEDS, SWEEP_KEY, cellCount, parseGridKey, readSweep, setAt, type SweepSpec } from './spec';

/** The config with its `sweep` block taken out, and the block. */
export interface SplitSweep {
  rest: Record<string, unknown>;
  block: unknown;
  present: boolean;
}

export function splitSweep(config: Record<string, unknown>): SplitSweep {
  if (!(SWEEP_KEY in config)) return { rest: config, block: undefined, present: false };
  const { [SWEEP_KEY]: block, ...rest } = config;
  return { rest, block, present: true };
}

export interface SweepLint {
  findings: Finding[];
  /** The sweep, when the block has no errors. */
  spec?: SweepSpec;
}

const SWEEP_KEYS = ['seeds', 'grid'];
const SWEEP_SYNONYMS: Record<string, string> = {
  seed: 'seeds',
  n_seeds: 'seeds',
  num_seeds: 'seeds',
  repeats: 'seeds',
  params: 'grid',
  parameters: 'grid',
  values: 'grid',
  search_space: 'grid',
};
/** Top-level keys that are not settings of the experiment, with what to do instead. */
const NOT_SWEPT: Record<string, string> = {
  seed: 'Seeds are swept by `sweep.seeds` (a count, or a list such as `[1, 2, 3]`), not in the grid.',
  name: '`name` labels the runs; every cell gets the base name plus its settings.',
  paper: 'A sweep stays within one paper: write one config per paper.',
};
/** Per-value checks re-run the paper's rules; past this many values only the schema is checked. */
const MAX_RULE_CHECKS = 200;

/**
 * Checks the block against the paper. `resolved` is the base config with defaults (no `sweep`);
 * `baseFindings` are the findings of the base config, so a value is blamed only for what it adds.
 */
export function lintSweep(
  paper: PaperDefinition,
  block: unknown,
  resolved: Record<string, unknown>,
  doc: ConfigDocument,
  baseFindings: readonly Finding[],
): SweepLint {
  const findings: Finding[] = [];
  const at = (path: ConfigPath, target: 'key' | 'value' = 'value') => doc.rangeOf([SWEEP_KEY, ...path], target);
  const fixes = (list: ConfigFix[]): Fix[] | undefined => {
    const out = list
      .map((f) => ({ title: f.title, edits: configEditsToTextEdits(doc, f.edits), preferred: f.preferred }))
      .filter((f) => f.edits.length);
    return out.length ? out : undefined;
  };
  const add = (severity: Finding['severity'], code: string, message: string, range = at([]), fx?: Fix[]) =>
    findings.push({ severity, code: `sweep/${code}`, message, range, source: 'Paperlab sweeps', fixes: fx });

  if (!block || typeof block !== 'object' || Array.isArray(block)) {
    add(
      'error',
      'not-a-block',
      `\`sweep\` is a block with \`seeds:\` and/or \`grid:\`, e.g. \`sweep: { seeds: 3, grid: { train.lr: [0.001, 0.003] } }\`; got ${showValue(block)}.`,
    );
    return { findings };
  }
  const b = block as Record<string, unknown>;
  for (const key of Object.keys(b)) {
    if (SWEEP_KEYS.includes(key)) continue;
    const syn = SWEEP_SYNONYMS[key.toLowerCase()];
    const sugg = [...new Set([...(syn ? [syn] : []), ...closest(key, SWEEP_KEYS)])];
    add(
      'error',
      'unknown-key',
      `Unknown key \`${key}\` in \`sweep\`${sugg.length ? ` — did you mean ${orList(sugg)}?` : '. It takes `seeds` and `grid`.'}`,
      at([key], 'key'),
      fixes(
        sugg.map((s, i) => ({
          title: `Rename to \`${s}\``,
          edits: [{ kind: 'renameKey', path: [SWEEP_KEY, key], newKey: s }],
          preferred: i === 0,
        })),
      ),
    );
  }
  checkSeeds(b.seeds, add, at);
  if (b.grid !== undefined) checkGrid(paper, b.grid, resolved, doc, baseFindings, add, at, fixes);

  const errors = findings.some((f) => f.severity === 'error');
  const spec = errors ? undefined : readSweep(b, Number(resolved.seed ?? 1));
  if (spec && cellCount(spec) > MAX_CELLS) {
    add(
      'error',
      'too-many-cells',
      `This sweep has ${cellCount(spec).toLocaleString('en')} cells; Paperlab runs at most ${MAX_CELLS.toLocaleString('en')} from one config. Fewer values, or several configs.`,
      at([], 'key'),
    );
    return { findings };
  }
  return { findings, spec };
}

type Add = (severity: Finding['severity'], code: string, message: string, range?: Finding['range'], fx?: Fix[]) => void;
type At = (path: ConfigPath, target?: 'key' | 'value') => Finding['range'];

function checkSeeds(seeds: unknown, add: Add, at: At): void {
  if (seeds === undefined) return;
  const example = 'a count such as `3` (the config’s `seed` and the ones after it) or a list such as `[1, 2, 3]`';
  if (typeof seeds === 'number') {
    if (!Number.isInteger(seeds) || seeds < 1 || seeds > MAX_SEEDS)
      add(
        'error',
        'seeds',
        `\`sweep.seeds\` must be a whole number from 1 to ${MAX_SEEDS}, or a list; got ${seeds}.`,
        at(['seeds']),
      );
    return;
  }
  if (!Array.isArray(seeds)) {
    add('error', 'seeds', `\`sweep.seeds\` is ${example}; got ${showValue(seeds)}.`, at(['seeds']));
    return;
  }
  if (!seeds.length) add('error', 'seeds', `\`sweep.seeds\` is empty: give ${example}.`, at(['seeds']));
  if (seeds.length > MAX_SEEDS)
    add('error', 'seeds', `\`sweep.seeds\` lists more than ${MAX_SEEDS} seeds.`, at(['seeds']));
  const seen = new Set<number>();
  seeds.forEach((s, i) => {
    if (!Number.isInteger(s) || s < 0 || s > 2 ** 31 - 1)
      add('error', 'seeds', `A seed is a whole number from 0 to 2³¹ − 1; got ${showValue(s)}.`, at(['seeds', i]));
    else if (seen.has(s))
      add('warning', 'duplicate-seed', `Seed ${s} is listed twice; it runs once.`, at(['seeds', i]));
    else seen.add(s);
  });
}

function checkGrid(
  paper: PaperDefinition,
  grid: unknown,
  resolved: Record<string, unknown>,
  doc: ConfigDocument,
  baseFindings: readonly Finding[],
  add: Add,
  at: At,
  fixes: (f: ConfigFix[]) => Fix[] | undefined,
): void {
  if (!grid || typeof grid !== 'object' || Array.isArray(grid)) {
    add(
      'error',
      'grid',
      `\`sweep.grid\` maps a setting's path to the values to try, e.g. \`train.lr: [0.001, 0.003]\`; got ${showValue(grid)}.`,
      at(['grid']),
    );
    return;
  }
  const schema = schemaOf(paper);
  const baseMessages = new Set(baseFindings.map((f) => f.message));
  let ruleChecks = 0;
  for (const [key, values] of Object.entries(grid as Record<string, unknown>)) {
    const path = parseGridKey(key);
    const keyRange = at(['grid', key], 'key');
    if (typeof path[0] === 'string' && NOT_SWEPT[path[0]] && path.length === 1) {
      add('error', 'not-a-setting', `\`${key}\` cannot be swept. ${NOT_SWEPT[path[0]]}`, keyRange);
      continue;
    }
    const problem = pathProblem(schema, path, resolved);
    if (problem) {
      const sugg = suggestPaths(schema, path);
      add(
        'error',
        'unknown-path',
        `${problem}${sugg.length ? ` Did you mean ${orList(sugg)}?` : ''}`,
        keyRange,
        fixes(
          sugg.map((s, i) => ({
            title: `Sweep \`${s}\``,
            edits: [{ kind: 'renameKey', path: [SWEEP_KEY, 'grid', key], newKey: s }],
            preferred: i === 0 && sugg.length === 1,
          })),
        ),
      );
      continue;
    }
    if (!Array.isArray(values)) {
      add(
        'error',
        'not-a-list',
        `A grid entry takes a list of the values to try, e.g. \`${key}: [${yamlInline(values)}, …]\`; got ${showValue(values)}.`,
        at(['grid', key]),
        fixes([
          {
            title: `Make it a list: [${yamlInline(values)}]`,
            edits: [{ kind: 'setValue', path: [SWEEP_KEY, 'grid', key], value: [values] }],
          },
        ]),
      );
      continue;
    }
    if (!values.length) {
      add('error', 'empty', `\`${key}\` lists no values: the sweep would have no cells.`, at(['grid', key]));
      continue;
    }
    const seen: string[] = [];
    values.forEach((v, i) => {
      const range = at(['grid', key, i]);
      const id = JSON.stringify(v);
      if (seen.includes(id)) {
        add(
          'warning',
          'duplicate-value',
          `\`${yamlInline(v)}\` is listed twice for \`${key}\`: its cells would run twice.`,
          range,
        );
        return;
      }
      seen.push(id);
      const withValue = structuredClone(resolved);
      if (!setAt(withValue, path, v)) return;
      const checkRules = ruleChecks++ < MAX_RULE_CHECKS;
      for (const f of valueFindings(paper, withValue, doc, checkRules)) {
        if (baseMessages.has(f.message)) continue;
        add(f.severity, 'value', f.fromSchema ? f.message : `With \`${key}: ${yamlInline(v)}\`: ${f.message}`, range);
      }
    });
  }
}

/** Why a path is not one the paper's schema has, or undefined when it is. */
function pathProblem(schema: any, path: ConfigPath, resolved: Record<string, unknown>): string | undefined {
  let s = schema;
  let cur: any = resolved;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const so_far = path.slice(0, i + 1).join('.');
    if (typeof seg === 'number') {
      if (!Array.isArray(cur) || seg >= cur.length)
        return `\`${path.slice(0, i).join('.')}\` has ${Array.isArray(cur) ? cur.length : 'no'} item${Array.isArray(cur) && cur.length === 1 ? '' : 's'} in this config, so \`${so_far}\` does not exist.`;
      s = s?.items;
    } else {
      const next = s?.properties?.[seg];
      if (!next) return `\`${so_far}\` is not a key of this paper's configs.`;
      s = next;
    }
    cur = cur == null ? undefined : cur[seg];
  }
  return undefined;
}

/** Every path the schema has, dotted (blocks and their keys). */
function allPaths(schema: any, prefix = ''): string[] {
  const out: string[] = [];
  for (const [k, sub] of Object.entries<any>(schema?.properties ?? {})) {
    const p = prefix ? `${prefix}.${k}` : k;
    if (!prefix && NOT_SWEPT[k]) continue;
    out.push(p);
    if (sub?.type === 'object') out.push(...allPaths(sub, p));
  }
  return out;
}

/** Did-you-mean for a grid key: a typo in one segment, a synonym, or a leaf named without its block. */
function suggestPaths(schema: any, path: ConfigPath): string[] {
  const all = allPaths(schema);
  const dotted = path.join('.');
  const out: string[] = [];
  // The first segment that does not exist, corrected with the key suggester (typos and synonyms).
  let s = schema;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (typeof seg === 'number') break;
    if (!s?.properties?.[seg]) {
      for (const k of suggestKeys(seg, Object.keys(s?.properties ?? {})))
        out.push([...path.slice(0, i), k, ...path.slice(i + 1)].join('.'));
      break;
    }
    s = s.properties[seg];
  }
  // `lr` alone: the paths that end in it.
  const last = String(path[path.length - 1]);
  for (const p of all) if (p.endsWith(`.${last}`) && path.length === 1) out.push(p);
  if (!out.length) out.push(...closest(dotted, all));
  // A block that merely contains what was written (`prune` for `prune.rate.hiden`) is no suggestion.
  return [...new Set(out)].filter((p) => !dotted.startsWith(`${p}.`) && schemaAt(schema, parseGridKey(p))).slice(0, 3);
}

/** What the schema and the paper's rules say about the base config with one grid value set. */
function valueFindings(
  paper: PaperDefinition,
  config: Record<string, unknown>,
  doc: ConfigDocument,
  rules: boolean,
): { severity: Finding['severity']; message: string; fromSchema: boolean }[] {
  const out: { severity: Finding['severity']; message: string; fromSchema: boolean }[] = [];
  const { findings, resolved } = validateConfig(paper, config, doc, () => undefined);
  for (const f of findings) out.push({ severity: f.severity, message: f.message, fromSchema: true });
  if (!rules || findings.length) return out;
  for (const rule of paper.rules) {
    try {
      for (const r of rule.check(resolved))
        if (r.severity === 'error' || r.severity === 'warning')
          out.push({ severity: r.severity, message: r.message, fromSchema: false });
    } catch {
      /* a failing rule is reported once, on the base config, by the linter */
    }
  }
  return out;
}
