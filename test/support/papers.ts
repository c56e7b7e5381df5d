/**
 * Helpers for the papers' tests: a paper's example with its schema's defaults, one rule's findings on
 * a patched example, and a recipe run against an in-memory RecipeContext on tfjs's wasm backend that
 * records what it emits, logs, reports and saves — mechanics checked on tiny configs, no run folder.
 */
import * as tf from '@tensorflow/tfjs';
import { parse } from 'yaml';
import Ajv from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import { initBackend } from '../../src/trainer/backend';
import type { PaperDefinition, RuleFinding } from '../../src/core/paper/types';
import type { Recipe, RecipeContext } from '../../src/trainer/recipe';

// Ajv, as the config core validates: TypeBox's own checker rejects the `Unsafe` enums of common/schema.
const ajv = new Ajv({ useDefaults: true, allErrors: true, strict: false });
const compiled = new Map<TSchema, ReturnType<typeof ajv.compile>>();
function validator(schema: TSchema) {
  let v = compiled.get(schema);
  if (!v) compiled.set(schema, (v = ajv.compile(schema)));
  return v;
}

/** A copy of the config with the schema's defaults filled in (valid or not). */
export function withDefaults(schema: TSchema, raw: unknown): any {
  const c = structuredClone(raw);
  validator(schema)(c);
  return c;
}

/** Schema errors of a config (after defaults), as readable strings. */
export function schemaErrors(schema: TSchema, raw: unknown): string[] {
  const v = validator(schema);
  v(structuredClone(raw));
  return (v.errors ?? []).map((e) => `${e.instancePath}: ${e.message}`);
}

/** The paper's example config with its schema's defaults. */
export function exampleConfig(p: PaperDefinition): any {
  return withDefaults(p.schema, parse(p.exampleYaml));
}

/** The example with `patch` applied: the usual way to write a tiny config. */
export function tinyConfig(p: PaperDefinition, patch: (c: any) => void): any {
  const c = exampleConfig(p);
  patch(c);
  return c;
}

/** Findings of one rule (by code) on a config built from the example with `patch` applied. */
export function ruleFindings(p: PaperDefinition, code: string, patch: (c: any) => void): RuleFinding[] {
  const rule = p.rules.find((r) => r.code === code);
  if (!rule) throw new Error(`no rule ${code} in ${p.id}`);
  return rule.check(tinyConfig(p, patch));
}

export interface Recorded {
  events: any[];
  logs: string[];
  progress: [number, number, string][];
  saved: Map<string, Record<string, number[]>>;
}

export interface RunOptions extends Partial<RecipeContext> {
  /** Ask the recipe to stop once this many events were emitted. */
  stopAfterEvents?: number;
}

/** Runs a recipe in this process on the wasm backend (pure JS if wasm cannot start), recording its output. */
export async function runRecipe(recipe: Recipe, config: any, opts: RunOptions = {}): Promise<Recorded> {
  const { stopAfterEvents, ...extra } = opts;
  const { tf: tfr, backend } = extra.tf
    ? { tf: extra.tf, backend: 'wasm' }
    : await initBackend('wasm').catch(async () => (await tf.setBackend('cpu'), { tf, backend: 'cpu' as const }));
  const rec: Recorded = { events: [], logs: [], progress: [], saved: new Map() };
  const ctx: RecipeContext = {
    tf: tfr,
    config,
    seed: config.seed ?? 1,
    runDir: '/nonexistent',
    backend,
    emit: (e) => rec.events.push({ ...e, time: 0 }),
    progress: (d, t, l) => rec.progress.push([d, t, l]),
    log: (m) => rec.logs.push(m),
    shouldStop: () => stopAfterEvents !== undefined && rec.events.length >= stopAfterEvents,
    saveTensors: async (name, tensors) => {
      rec.saved.set(name, Object.fromEntries(Object.entries(tensors).map(([k, t]) => [k, Array.from(t.dataSync())])));
    },
    ...extra,
  };
  await recipe(ctx);
  return rec;
}

export const summaries = (r: Recorded, where: (s: any) => boolean = () => true) =>
  r.events.filter((e) => e.type === 'summary' && where(e.series));
export const metrics = (r: Recorded, where: (s: any) => boolean = () => true) =>
  r.events.filter((e) => e.type === 'metric' && where(e.series));
