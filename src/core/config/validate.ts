/**
 * JSON Schema validation with Ajv, and Ajv's errors rewritten as findings a researcher understands,
 * each on the key or value it is about. One validator per paper, compiled on first use and cached.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { Finding } from './findings';
import type { ConfigPath, PaperDefinition, ConfigFix } from '../paper/types';
import type { ConfigDocument } from './document';
import { closest, orList } from './suggest';
import { KEY_SYNONYMS, VALUE_SYNONYMS } from './synonyms';

/**
 * The schema as published (JSON only, no TypeBox symbols). Keys with a default are optional for the
 * user — the default fills them — so they are dropped from `required` (TypeBox marks every
 * non-Optional key required).
 */
export function publishedSchema(schema: unknown): any {
  const copy = JSON.parse(JSON.stringify(schema));
  const visit = (s: any): void => {
    if (!s || typeof s !== 'object') return;
    if (Array.isArray(s)) return s.forEach(visit);
    if (s.properties && Array.isArray(s.required)) {
      s.required = s.required.filter((k: string) => !(s.properties[k] && 'default' in s.properties[k]));
      if (s.required.length === 0) delete s.required;
    }
    for (const v of Object.values(s)) visit(v);
  };
  visit(copy);
  return copy;
}

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

export function validatorFor(def: PaperDefinition): ValidateFunction {
  let v = validators.get(def.id);
  if (!v) {
    // strict: false — descriptions and defaults inside `items` are documentation, not errors.
    ajv ??= new Ajv({ allErrors: true, useDefaults: true, strict: false, verbose: true });
    v = ajv.compile(publishedSchema(def.schema));
    validators.set(def.id, v);
  }
  return v;
}

export interface Validated {
  findings: Finding[];
  /** A copy of the config with the schema's defaults filled in. */
  resolved: Record<string, unknown>;
  /** Paths of unknown keys, so a paper rule about that key can replace the generic message. */
  unknownKeyPaths: string[];
  /**
   * True when every value has the type the schema gives it (errors, if any, are only about ranges,
   * allowed values or unknown keys) and every number is finite: the paper's rules may then read the
   * config as `Static<S>`.
   */
  typesHold: boolean;
}

/** Ajv keywords whose failure leaves every value of the type the schema says (see `typesHold`). */
const TYPE_PRESERVING = new Set([
  'additionalProperties',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'enum',
  'const',
  'uniqueItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'format',
]);

export function validateConfig(
  def: PaperDefinition,
  value: Record<string, unknown>,
  doc: ConfigDocument,
  toFixes: (f: ConfigFix[] | undefined) => Finding['fixes'],
): Validated {
  const resolved = structuredClone(value);
  const validate = validatorFor(def);
  validate(resolved);
  const findings: Finding[] = [];
  const unknownKeyPaths: string[] = [];
  const seen = new Set<string>();
  let typesHold = true;
  for (const err of validate.errors ?? []) {
    if (!TYPE_PRESERVING.has(err.keyword)) typesHold = false;
    const f = describe(err, resolved, def);
    if (!f) continue;
    const id = `${f.path.join('.')}|${f.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (err.keyword === 'additionalProperties') unknownKeyPaths.push(f.path.join('.'));
    findings.push({
      severity: 'error',
      code: f.code,
      message: f.message,
      range: doc.rangeOf(f.path, f.target),
      source: `${def.id} schema`,
      fixes: toFixes(f.fixes),
    });
  }
  // YAML's `.nan` and `.inf` are numbers to Ajv (range errors only), but no rule is written for them.
  if (typesHold && hasNonFinite(resolved)) typesHold = false;
  return { findings, resolved, unknownKeyPaths, typesHold };
}

/** True when a number anywhere in the value is NaN or ±Infinity (iterative: configs can be deep). */
function hasNonFinite(value: unknown): boolean {
  const todo: unknown[] = [value];
  while (todo.length) {
    const v = todo.pop();
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return true;
    } else if (v && typeof v === 'object') todo.push(...Object.values(v));
  }
  return false;
}

interface Described {
  path: ConfigPath;
  target: 'key' | 'value';
  code: string;
  message: string;
  fixes?: ConfigFix[];
}

/** `/model/hidden/0` → ['model', 'hidden', 0], numbers only where the data has an array. */
export function pointerToPath(pointer: string, data: unknown): ConfigPath {
  const path: ConfigPath = [];
  let cur: any = data;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const isIndex = Array.isArray(cur) && /^\d+$/.test(seg);
    path.push(isIndex ? Number(seg) : seg);
    cur = cur == null ? undefined : cur[isIndex ? Number(seg) : seg];
  }
  return path;
}

export function dotted(path: ConfigPath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list, e.g. `[a, b]`',
  object: 'a block of `key: value` entries',
  null: 'empty',
};

export function showValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a block of keys';
  return String(v);
}

function describe(err: ErrorObject, data: unknown, def: PaperDefinition): Described | undefined {
  const path = pointerToPath(err.instancePath, data);
  const where = path.length ? `\`${dotted(path)}\`` : 'The config';
  const p = err.params;
  switch (err.keyword) {
    case 'type': {
      const want = String(p.type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(' or ');
      return {
        path,
        target: 'value',
        code: 'schema/type',
        message: `${where} must be ${want}, got ${showValue(err.data)}.`,
        fixes: knownValueFixes(path, def, err.parentSchema),
      };
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = Object.keys((err.parentSchema as any)?.properties ?? {});
      const block = path.length ? ` in \`${dotted(path)}\`` : '';
      const suggestions = suggestKeys(key, allowed);
      const hint = suggestions.length
        ? ` — did you mean ${orList(suggestions)}?`
        : ` Known keys here: ${orList(allowed)}.`;
      return {
        path: [...path, key],
        target: 'key',
        code: 'schema/unknown-key',
        message: `Unknown key \`${key}\`${block}${hint}`,
        fixes: suggestions.map((s, i) => ({
          title: `Rename to \`${s}\``,
          edits: [{ kind: 'renameKey', path: [...path, key], newKey: s }],
          preferred: i === 0 && suggestions.length === 1,
        })),
      };
    }
    case 'required':
      return {
        path,
        target: 'key',
        code: 'schema/missing-key',
        message: `${where} needs the key \`${p.missingProperty}\`.`,
      };
    case 'enum': {
      const allowed: string[] = (p.allowedValues ?? []).map(String);
      const got = typeof err.data === 'string' ? err.data : '';
      const syn = VALUE_SYNONYMS[got.toLowerCase()];
      const sugg = got
        ? [...new Set([...(syn && allowed.includes(syn) ? [syn] : []), ...closest(got, allowed)])].slice(0, 3)
        : [];
      return {
        path,
        target: 'value',
        code: 'schema/enum',
        message: `${where} must be one of ${orList(allowed)}, got ${showValue(err.data)}.${sugg.length ? ` Did you mean \`${sugg[0]}\`?` : ''}`,
        fixes: sugg.map((s, i) => ({
          title: `Use \`${s}\``,
          edits: [{ kind: 'setValue', path, value: s }],
          preferred: i === 0,
        })),
      };
    }
    case 'const':
      return {
        path,
        target: 'value',
        code: 'schema/const',
        message: `${where} must be \`${p.allowedValue}\`, got ${showValue(err.data)}.`,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = { minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' }[err.keyword];
      const hint = fractionHint(err);
      const known = knownValueFixes(path, def, err.parentSchema);
      if (hint) {
        // A whole percentage (`rate: 20`) was surely meant as a fraction: that fix comes first, it keeps
        // the user's number. For `1.5` the paper's value is the likelier intent.
        const whole = Number.isInteger(err.data) && (err.data as number) >= 2;
        if (whole) for (const f of known) f.preferred = false;
        const v = (err.data as number) / 100;
        known.splice(whole ? 0 : known.length, 0, {
          title: `Use ${v}`,
          edits: [{ kind: 'setValue', path, value: v }],
          preferred: whole || known.length === 0,
        });
      }
      return {
        path,
        target: 'value',
        code: 'schema/range',
        message: `${where} must be ${op} ${p.limit}, got ${showValue(err.data)}.${hint}`,
        fixes: known,
      };
    }
    case 'minItems':
      return {
        path,
        target: 'value',
        code: 'schema/range',
        message: `${where} needs at least ${p.limit} item${p.limit === 1 ? '' : 's'}.`,
      };
    case 'maxItems':
      return { path, target: 'value', code: 'schema/range', message: `${where} takes at most ${p.limit} items.` };
    case 'uniqueItems':
      return {
        path,
        target: 'value',
        code: 'schema/duplicate-item',
        message: `${where} lists the same value twice (items ${p.j} and ${p.i}).`,
      };
    case 'minLength':
      return { path, target: 'value', code: 'schema/range', message: `${where} must not be empty.` };
    case 'maxLength':
      return {
        path,
        target: 'value',
        code: 'schema/range',
        message: `${where} is too long (at most ${p.limit} characters).`,
      };
    default:
      return {
        path,
        target: 'value',
        code: `schema/${err.keyword}`,
        message: `${where} ${err.message ?? 'is not valid'} (${def.id} schema).`,
      };
  }
}

/**
 * Quick fixes for a value of the wrong type or out of range: the paper's own value for this key (the
 * one the hover shows), else the schema's default. The first one offered is the preferred fix.
 */
function knownValueFixes(path: ConfigPath, def: PaperDefinition, schema: unknown): ConfigFix[] {
  const key = JSON.stringify(path);
  const paper = def.paperSetting.find((s) => JSON.stringify(s.path) === key);
  const fixes: ConfigFix[] = [];
  if (paper)
    fixes.push({
      title: `Use the paper's value \`${shortValue(paper.value)}\` (${paper.source})`,
      edits: [{ kind: 'setValue', path, value: paper.value }],
    });
  const dflt = (schema as { default?: unknown } | undefined)?.default;
  if (dflt !== undefined && (!paper || JSON.stringify(dflt) !== JSON.stringify(paper.value)))
    fixes.push({ title: `Use the default \`${shortValue(dflt)}\``, edits: [{ kind: 'setValue', path, value: dflt }] });
  if (fixes.length) fixes[0].preferred = true;
  return fixes;
}

function shortValue(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 30 ? `${s.slice(0, 29)}…` : s;
}

/** A fraction given as a percentage (`rate: 20`) is the commonest range error: say so. */
function fractionHint(err: ErrorObject): string {
  const s = err.parentSchema as any;
  const v = err.data;
  if (typeof v === 'number' && v > 1 && v <= 100 && (s?.exclusiveMaximum === 1 || s?.maximum === 1)) {
    return ` It is a fraction, not a percentage: ${v}% is ${v / 100}.`;
  }
  return '';
}

/** Typos (edit distance) and known synonyms from other codebases (`learning_rate` → `lr`). */
export function suggestKeys(key: string, allowed: readonly string[]): string[] {
  const out: string[] = [];
  const norm = key.toLowerCase().replace(/[-\s]/g, '_');
  for (const syn of closest(norm, Object.keys(KEY_SYNONYMS), 2)) {
    const target = KEY_SYNONYMS[syn];
    if (allowed.includes(target) && !out.includes(target)) out.push(target);
  }
  for (const c of closest(key, allowed)) if (!out.includes(c)) out.push(c);
  return out.slice(0, 3);
}
