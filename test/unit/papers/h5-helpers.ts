/**
 * Helpers for the training-dynamics papers' tests: fill a config with its schema's defaults, run a
 * paper's rules, and run a recipe against an in-memory context that records what it emits.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import Ajv from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import type { PaperDefinition, RuleFinding } from '../../../src/core/paper/types';
import type { Recipe, RecipeContext } from '../../../src/trainer/recipe';

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

export function exampleConfig(p: PaperDefinition): any {
  return withDefaults(p.schema, parse(p.exampleYaml));
}

export function exampleFileText(id: string): string {
  return readFileSync(path.join(__dirname, '../../../examples', `${id}.exp.yaml`), 'utf8');
}

/** Findings of one rule (by code) on a config built from the example with `patch` applied. */
export function ruleFindings(p: PaperDefinition, code: string, patch: (c: any) => void): RuleFinding[] {
  const rule = p.rules.find((r) => r.code === code);
  if (!rule) throw new Error(`no rule ${code} in ${p.id}`);
  const c = exampleConfig(p);
  patch(c);
  return rule.check(c);
}

export interface Recorded {
  events: any[];
  logs: string[];
  progress: [number, number, string][];
}

export async function runRecipe(recipe: Recipe, config: any, extra: Partial<RecipeContext> = {}): Promise<Recorded> {
  const rec: Recorded = { events: [], logs: [], progress: [] };
  const ctx: RecipeContext = {
    tf: undefined as any,
    config,
    seed: config.seed ?? 1,
    runDir: '/nonexistent',
    backend: 'test',
    emit: (e) => rec.events.push({ ...e, time: 0 }),
    progress: (d, t, l) => rec.progress.push([d, t, l]),
    log: (m) => rec.logs.push(m),
    shouldStop: () => false,
    saveTensors: async () => {},
    ...extra,
  };
  await recipe(ctx);
  return rec;
}
