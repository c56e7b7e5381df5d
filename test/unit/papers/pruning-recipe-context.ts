/**
 * An in-memory RecipeContext on tfjs's wasm backend for the pruning papers' recipe tests: records what a
 * recipe emits, logs and saves, so mechanics can be checked on tiny configs without a run folder.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../src/trainer/backend';
import { Value } from '@sinclair/typebox/value';
import { parse } from 'yaml';
import type { PaperDefinition } from '../../../src/core/paper/types';
import type { Recipe, RecipeContext } from '../../../src/trainer/recipe';

export interface Recorded {
  events: any[];
  logs: string[];
  saved: Map<string, Record<string, number[]>>;
}

export function tinyConfig(paper: PaperDefinition, patch: (c: any) => void): any {
  const c = Value.Default(paper.schema, parse(paper.exampleYaml));
  patch(c);
  return c;
}

export async function runTiny(recipe: Recipe, config: any, opts: { stopAfterEvents?: number } = {}): Promise<Recorded> {
  // wasm, as real runs use (several times faster than cpu even for tiny nets); cpu if wasm cannot start.
  const { tf: tfr, backend } = await initBackend('wasm').catch(
    async () => (await tf.setBackend('cpu'), { tf, backend: 'cpu' as const }),
  );
  const rec: Recorded = { events: [], logs: [], saved: new Map() };
  const ctx: RecipeContext = {
    tf: tfr,
    config,
    seed: config.seed ?? 1,
    runDir: '/nonexistent',
    backend,
    emit: (e) => rec.events.push({ ...e, time: 0 }),
    progress: () => {},
    log: (m) => rec.logs.push(m),
    ...(process.env.H6_TRACE
      ? { progress: (d: number, t: number, l: string) => console.log(Date.now() % 100000, d, t, l) }
      : {}),
    shouldStop: () => opts.stopAfterEvents !== undefined && rec.events.length >= opts.stopAfterEvents,
    saveTensors: async (name, tensors) => {
      rec.saved.set(name, Object.fromEntries(Object.entries(tensors).map(([k, t]) => [k, Array.from(t.dataSync())])));
    },
  };
  await recipe(ctx);
  return rec;
}

export const summaries = (r: Recorded, where: (s: any) => boolean = () => true) =>
  r.events.filter((e) => e.type === 'summary' && where(e.series));
export const metrics = (r: Recorded, where: (s: any) => boolean = () => true) =>
  r.events.filter((e) => e.type === 'metric' && where(e.series));
