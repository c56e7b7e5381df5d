/**
 * The `sweep:` block of a config, as data: which seeds, which grid of settings, and the cells they
 * make. A cell is an ordinary resolved config — the base config with one value of each grid key set
 * and one seed — so it runs, and is grouped and resumed, like any other run.
 *
 *   sweep:
 *     seeds: 3                 # the config's seed and the two after it; or a list, [1, 2, 3]
 *     grid:
 *       train.lr: [1.0e-3, 3.0e-3]
 *       prune.rate.hidden: [0.2, 0.5]
 *
 * Cells are ordered grid-first (the first key varies slowest), seeds innermost, so the seeds of one
 * setting sit next to each other and finish close together. Pure: no fs, no vscode, no tfjs.
 */
import type { ConfigPath } from '../paper/types';

export const SWEEP_KEY = 'sweep';
/** Above this many cells the editor and the CLI ask for a smaller grid: a typo like `seeds: 1000000`. */
export const MAX_CELLS = 100_000;
export const MAX_SEEDS = 1_000;

export interface GridAxis {
  /** As written in the config: `train.lr`. */
  key: string;
  path: ConfigPath;
  values: unknown[];
}

export interface SweepSpec {
  seeds: number[];
  grid: GridAxis[];
}

export interface SweepCell {
  /** Position in the sweep: 0 … cells − 1 (the Slurm array index). */
  index: number;
  /** The grid value of each key, by its dotted key. */
  settings: Record<string, unknown>;
  seed: number;
  /** The resolved config this cell trains. */
  config: Record<string, unknown>;
}

/** `prune.rate.hidden` → ['prune', 'rate', 'hidden']; `model.hidden.0` → ['model', 'hidden', 0]. */
export function parseGridKey(key: string): ConfigPath {
  return key.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The seeds a `seeds:` value stands for: N → the base seed and the N − 1 after it; a list → itself. */
export function seedsOf(value: unknown, baseSeed: number): number[] | undefined {
  if (value === undefined || value === null) return [baseSeed];
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_SEEDS)
    return Array.from({ length: value }, (_, i) => baseSeed + i);
  if (Array.isArray(value) && value.length && value.every((s) => Number.isInteger(s) && s >= 0))
    return [...new Set(value as number[])];
  return undefined;
}

/** The spec of a block that linted clean (lenient: what cannot be read is left out). */
export function readSweep(block: unknown, baseSeed: number): SweepSpec | undefined {
  if (!block || typeof block !== 'object' || Array.isArray(block)) return undefined;
  const b = block as Record<string, unknown>;
  const seeds = seedsOf(b.seeds, baseSeed);
  if (!seeds) return undefined;
  const grid: GridAxis[] = [];
  if (b.grid && typeof b.grid === 'object' && !Array.isArray(b.grid)) {
    for (const [key, values] of Object.entries(b.grid as Record<string, unknown>)) {
      if (!Array.isArray(values) || !values.length) return undefined;
      grid.push({ key, path: parseGridKey(key), values });
    }
  }
  return { seeds, grid };
}

export function cellCount(spec: SweepSpec): number {
  return spec.grid.reduce((n, a) => n * a.values.length, 1) * spec.seeds.length;
}

/** Sets `value` at `path` in a plain object, creating blocks on the way; arrays must already hold the index. */
export function setAt(target: Record<string, unknown>, path: ConfigPath, value: unknown): boolean {
  let cur: any = target;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i];
    if (cur[seg] === undefined && typeof seg === 'string' && !Array.isArray(cur)) cur[seg] = {};
    cur = cur[seg];
    if (cur === null || typeof cur !== 'object') return false;
  }
  const last = path[path.length - 1];
  if (Array.isArray(cur) && (typeof last !== 'number' || last >= cur.length)) return false;
  cur[last] = structuredClone(value);
  return true;
}

/** `lr 0.001 · hidden 0.2`: what tells a cell's folder and legend apart from its neighbours. */
export function describeSettings(settings: Record<string, unknown>): string {
  return Object.entries(settings)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}

/** Names are at most this long in every paper's schema (`nameKey`). */
const NAME_MAX = 120;

function cellName(base: string, settings: Record<string, unknown>): string {
  const suffix = ` [${describeSettings(settings)}]`;
  return (base.slice(0, Math.max(1, NAME_MAX - suffix.length)) + suffix).slice(0, NAME_MAX);
}

/**
 * Cell `index` of the sweep, built from the base config (resolved, without its `sweep` block) alone,
 * so a Slurm task builds its own cell without expanding the other 9,999. Grid-first order (the first
 * key varies slowest), seeds innermost. The cell's name carries its settings so folders and legends
 * tell cells apart; the name is not part of the seed-group key, so the seeds of one setting still group.
 */
export function cellAt(base: Record<string, unknown>, spec: SweepSpec, index: number): SweepCell {
  const nSeeds = spec.seeds.length;
  let rest = Math.floor(index / nSeeds);
  const picks: unknown[] = new Array(spec.grid.length);
  for (let a = spec.grid.length - 1; a >= 0; a--) {
    const values = spec.grid[a].values;
    picks[a] = values[rest % values.length];
    rest = Math.floor(rest / values.length);
  }
  const settings: Record<string, unknown> = {};
  spec.grid.forEach((axis, a) => (settings[axis.key] = picks[a]));
  const config = structuredClone(base);
  delete config[SWEEP_KEY];
  spec.grid.forEach((axis, a) => setAt(config, axis.path, picks[a]));
  const seed = spec.seeds[index % nSeeds];
  config.seed = seed;
  if (spec.grid.length) config.name = cellName(String(base.name ?? base.paper ?? 'sweep'), settings);
  return { index, settings, seed, config };
}

/** Every cell of the sweep, in order. */
export function expandCells(base: Record<string, unknown>, spec: SweepSpec): SweepCell[] {
  return Array.from({ length: cellCount(spec) }, (_, i) => cellAt(base, spec, i));
}

/**
 * The block's JSON Schema, added to the published schema file so other editors' YAML/JSON validators
 * accept it. Paperlab's own lint (./lint.ts) checks much more: grid paths and values against the paper.
 */
export function sweepJsonSchema(): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    description: 'Run this config over several seeds and a grid of settings (`paperlab sweep`, or Run Sweep).',
    properties: {
      seeds: {
        description: "A count N (the config's seed and the N − 1 after it) or a list of seeds.",
        anyOf: [
          { type: 'integer', minimum: 1, maximum: MAX_SEEDS },
          { type: 'array', minItems: 1, items: { type: 'integer', minimum: 0 } },
        ],
      },
      grid: {
        type: 'object',
        description: "A setting's path (`train.lr`) → the list of values to try.",
        additionalProperties: { type: 'array', minItems: 1 },
      },
    },
  };
}
