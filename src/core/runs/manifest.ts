/**
 * `manifest.json` read back, validated like a config: a run folder may come from another machine,
 * another version of Paperlab, or a hand edit, and one wrong field (`startedAt: 42`) must not abort
 * the CLI or empty the dashboard's run list. A manifest that does not match the schema is refused
 * with a message that names the field; fields added by newer versions are kept as they are.
 */
import { Type, type Static } from '@sinclair/typebox';
import Ajv, { type ValidateFunction } from 'ajv';
import path from 'node:path';
import { readTextFile, readTextFileSync, type FileProblem } from '../files/read';
import { RUN_FILES, type RunManifest } from './events';

/** A manifest is a few hundred bytes; anything near this is not one. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

const STATUSES = ['queued', 'running', 'completed', 'stopped', 'failed', 'interrupted'] as const;

/**
 * What a manifest must hold to be listed and drawn. `paper`, `status` and `startedAt` were written by
 * every version; the rest are typed when present and filled with a neutral value when absent.
 */
export const ManifestSchema = Type.Object(
  {
    id: Type.Optional(Type.String()),
    paper: Type.String({ minLength: 1 }),
    name: Type.Optional(Type.String()),
    configHash: Type.Optional(Type.String()),
    seed: Type.Optional(Type.Number()),
    backend: Type.Optional(Type.String()),
    versions: Type.Optional(
      Type.Object({
        paperlab: Type.Optional(Type.String()),
        tfjs: Type.Optional(Type.String()),
        node: Type.Optional(Type.String()),
      }),
    ),
    status: Type.Unsafe<RunManifest['status']>({ type: 'string', enum: [...STATUSES] }),
    reason: Type.Optional(Type.String()),
    startedAt: Type.String(),
    endedAt: Type.Optional(Type.String()),
    pid: Type.Optional(Type.Integer()),
    host: Type.Optional(Type.String()),
    sourceConfig: Type.Optional(Type.String()),
    // Sweeps and seeds (src/core/sweep, src/core/experiments): typed when present, so a hand edit cannot feed the table junk.
    groupKey: Type.Optional(Type.String()),
    sweep: Type.Optional(Type.Object({ dir: Type.String(), cell: Type.Integer({ minimum: 0 }) })),
    slurm: Type.Optional(
      Type.Object({
        jobId: Type.String(),
        arrayJobId: Type.Optional(Type.String()),
        arrayTaskId: Type.Optional(Type.Integer()),
        node: Type.Optional(Type.String()),
      }),
    ),
    summaries: Type.Optional(
      Type.Array(
        Type.Object({
          // As the trainer's summary events tag them: an arm, plus the paper's own tags.
          series: Type.Object(
            { arm: Type.String() },
            { additionalProperties: Type.Union([Type.String(), Type.Number(), Type.Boolean()]) },
          ),
          // null: a NaN or ∞ value, as JSON writes it
          values: Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()])),
        }),
        { maxItems: 10_000 },
      ),
    ),
  },
  { additionalProperties: true },
);
type ManifestOnDisk = Static<typeof ManifestSchema>;

let validator: ValidateFunction | undefined;
function validate(v: unknown): string | undefined {
  validator ??= new Ajv({ allErrors: false, strict: false }).compile(ManifestSchema);
  if (validator(v)) return undefined;
  const e = validator.errors?.[0];
  if (!e) return 'does not match the manifest schema';
  const field = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const found = field ? valueAt(v, e.instancePath) : v;
  if (e.keyword === 'required') return `lacks the field ${String(e.params.missingProperty)}`;
  if (e.keyword === 'enum') return `has ${field}: ${describe(found)}, not one of ${STATUSES.join(', ')}`;
  if (e.keyword === 'type') {
    const t = String(e.params.type);
    return `has ${field}: ${describe(found)} where ${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t} is expected`;
  }
  return `has ${field || 'its top level'}: ${describe(found)}, which ${e.message ?? 'is not valid'}`;
}

function valueAt(v: unknown, pointer: string): unknown {
  let cur = v;
  for (const part of pointer.split('/').slice(1)) cur = (cur as Record<string, unknown> | undefined)?.[part];
  return cur;
}

function describe(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

export type ManifestRead = { ok: true; manifest: RunManifest } | { ok: false; problem: FileProblem };

/** Checks parsed JSON as a manifest of the run folder `dir`; fills what older versions left out. */
export function checkManifest(value: unknown, dir: string): ManifestRead {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, problem: { kind: 'unreadable', message: 'is not a JSON object' } };
  const why = validate(value);
  if (why) return { ok: false, problem: { kind: 'unreadable', message: why } };
  const m = value as ManifestOnDisk;
  const id = path.basename(dir);
  return {
    ok: true,
    manifest: {
      ...m,
      id: m.id ?? id,
      paper: m.paper,
      name: m.name ?? m.id ?? id,
      configHash: m.configHash ?? '',
      seed: m.seed ?? 0,
      backend: m.backend ?? 'unknown',
      versions: { paperlab: '', tfjs: '', node: '', ...m.versions },
      status: m.status,
      startedAt: m.startedAt,
      // JSON writes NaN and ±∞ as null; back to NaN, which every summary reader already treats as "no value".
      summaries: m.summaries?.map((s) => ({
        series: s.series,
        values: Object.fromEntries(Object.entries(s.values).map(([k, v]) => [k, v ?? NaN])),
      })),
    },
  };
}

export function parseManifestText(text: string, dir: string): ManifestRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: { kind: 'unreadable', message: `is not valid JSON (${(e as Error).message})` } };
  }
  return checkManifest(value, dir);
}

/** The manifest of a run folder, checked; the problem says what is wrong in words. */
export function loadManifestSync(dir: string): ManifestRead {
  const r = readTextFileSync(path.join(dir, RUN_FILES.manifest), { maxBytes: MAX_MANIFEST_BYTES });
  return r.ok ? parseManifestText(r.text, dir) : r;
}

export async function loadManifest(dir: string): Promise<ManifestRead> {
  const r = await readTextFile(path.join(dir, RUN_FILES.manifest), { maxBytes: MAX_MANIFEST_BYTES });
  return r.ok ? parseManifestText(r.text, dir) : r;
}
