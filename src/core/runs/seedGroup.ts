/**
 * Which runs are seeds of one experiment. Two runs belong together when their resolved configs are
 * equal once the keys that do not change the experiment are left out: the seed (that is what varies
 * inside a group), the name (a label), and a `sweep:` block (how cells were generated, not what one
 * cell trains). The dashboard draws a group as mean with a band; the experiments table and the
 * seed-aware repro tables read the same key.
 *
 * Free of imports other than node:crypto and the canonical JSON, so the trainer, the host, the CLI
 * and the run-folder reader share it.
 */
import { createHash } from 'node:crypto';

/** Top-level keys that label or generate a run without changing what it trains. */
export const NOT_THE_EXPERIMENT = ['seed', 'name', 'sweep'] as const;

/** JSON with object keys sorted at every level, so key order never splits a group. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

/** The config as far as the experiment goes: a shallow copy without seed, name and sweep. */
export function experimentPart(config: unknown): unknown {
  if (!config || typeof config !== 'object' || Array.isArray(config)) return config;
  const out: Record<string, unknown> = { ...(config as Record<string, unknown>) };
  for (const k of NOT_THE_EXPERIMENT) delete out[k];
  return out;
}

/** sha256 of the experiment part: equal for seeds of one config, different for any real change. */
export function seedGroupKey(config: unknown): string {
  return createHash('sha256')
    .update(canonical(experimentPart(config)))
    .digest('hex');
}
