/**
 * From a config file to a sweep folder ready to run: lint the config (its `sweep:` block included),
 * build every cell and lint it as the trainer will, then resume the sweep folder that has exactly
 * these cells for this config (or create one), and mark done every cell whose config hash — config
 * and seed — already has a completed run in the runs folder. Executors then run what is left.
 */
import path from 'node:path';
import type { Finding } from '../config/findings';
import { lintText } from '../config/index';
import { isImplemented, type PaperRegistry } from '../paper/types';
import { cannotTrainYet } from '../paper/blocks';
import type { BackendChoice } from '../protocol/trainer';
import { configHash, listRuns } from '../runs/folder';
import { cellAt, cellCount, describeSettings, type SweepCell, type SweepSpec } from './spec';
import { completedByHash, createSweep, listSweeps, refreshFromRuns, writeSweep, type SweepFile } from './folder';

export interface PlanOptions {
  text: string;
  /** The config file (absolute): recorded, and how an earlier sweep of the same config is found. */
  file: string;
  runsDir: string;
  backend: BackendChoice;
  /** The papers configs may name (core never imports the registry: the CLI and the host pass it). */
  papers: PaperRegistry;
  /**
   * Overrides the block's seeds (`--seeds`): a list, or a count (the config's seed and the ones after
   * it); a config without a `sweep:` block then sweeps seeds only.
   */
  seeds?: number[] | { count: number };
}

export type Plan =
  | {
      ok: true;
      dir: string;
      sweep: SweepFile;
      /** True when an existing sweep folder with exactly these cells was picked up again. */
      resumed: boolean;
      /** Cells already completed (by this sweep before, or by any run with the same config hash). */
      skipped: number;
      /** Indexes of the cells to run. */
      todo: number[];
      /** Cells that are running now (another process, or Slurm): not started a second time. */
      running: number[];
      /** The cells' resolved configs, by index (only those to run). */
      configs: Map<number, Record<string, unknown>>;
    }
  | { ok: false; findings: Finding[]; message: string };

export interface PlannedCell extends SweepCell {
  configHash: string;
}

/** The sweep a config asks for: its block, with `seeds` overridden when given. */
export function sweepSpecOf(
  lint: { sweep?: SweepSpec; config?: Record<string, unknown> },
  override?: number[] | { count: number },
): SweepSpec | undefined {
  const base = Number(lint.config?.seed ?? 1);
  const seeds = Array.isArray(override)
    ? override
    : override
      ? Array.from({ length: override.count }, (_, i) => base + i)
      : undefined;
  const spec = lint.sweep ?? (seeds ? { seeds: [], grid: [] } : undefined);
  return spec && (seeds ? { ...spec, seeds } : spec);
}

/** Lints a cell's config exactly as the trainer will, returning the resolved config it will train. */
export function resolveCell(
  cell: SweepCell,
  papers: PaperRegistry,
): { config?: Record<string, unknown>; errors: string[] } {
  const r = lintText(JSON.stringify(cell.config), 'cell.exp.json', { papers });
  return {
    config: r.ok ? r.config : undefined,
    errors: r.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.message}`),
  };
}

export function planSweep(o: PlanOptions): Plan {
  const lint = lintText(o.text, o.file, { papers: o.papers });
  const errors = lint.findings.filter((f) => f.severity === 'error');
  // Before the errors: fixing them would not make a schema-only paper run.
  const missing = cannotTrainYet(lint.paper);
  if (missing) return { ok: false, findings: errors, message: `${missing} Nothing was run.` };
  if (lint.ok && lint.paper && !isImplemented(lint.paper))
    return {
      ok: false,
      findings: [],
      message: `Paperlab has no schema or training recipe for "${lint.paper.id}" yet, so it cannot run.`,
    };
  if (!lint.ok || !lint.config)
    return { ok: false, findings: errors, message: 'The config has errors, so nothing was run.' };
  const spec = sweepSpecOf(lint, o.seeds);
  if (!spec)
    return {
      ok: false,
      findings: [],
      message:
        'This config has no `sweep:` block. Add one, e.g.\n  sweep:\n    seeds: 3\n    grid:\n      train.lr: [1.0e-3, 3.0e-3]\nor give --seeds N to run N seeds of it.',
    };
  const n = cellCount(spec);
  const configs = new Map<number, Record<string, unknown>>();
  const cells: PlannedCell[] = [];
  // The seed changes nothing the schema or the rules check, so each grid setting is linted once
  // (10,000 cells of 10 settings: 10 lints, not 10,000); each seed's config is that one with its seed.
  const nSeeds = spec.seeds.length;
  let resolved: Record<string, unknown> | undefined;
  for (let i = 0; i < n; i++) {
    const cell = cellAt(lint.config, spec, i);
    if (i % nSeeds === 0) {
      const r = resolveCell(cell, o.papers);
      if (!r.config)
        return {
          ok: false,
          findings: [],
          message: `Cell ${i} (${describeSettings(cell.settings) || 'base'}, seed ${cell.seed}) cannot run:\n  ${r.errors.join('\n  ')}\nEach value passed on its own; this combination does not. Change the grid so no cell combines them.`,
        };
      resolved = r.config;
    }
    const config = { ...resolved!, seed: cell.seed };
    configs.set(i, config);
    cells.push({ ...cell, config, configHash: configHash(config) });
  }
  const file = path.resolve(o.file);
  const hashes = cells.map((c) => c.configHash).join();
  const existing = listSweeps(o.runsDir).find(
    (s) => s.sweep.sourceConfig === file && s.sweep.cells.map((c) => c.configHash).join() === hashes,
  );
  const { dir, sweep } =
    existing ??
    createSweep(o.runsDir, {
      base: lint.config,
      spec,
      cells,
      backend: o.backend,
      sourceConfig: file,
    });
  if (existing) {
    refreshFromRuns(dir, sweep);
    sweep.backend = o.backend;
  }
  // Resume: a completed run with the cell's config hash (config and seed) is the cell, wherever it came from.
  const done = completedByHash(listRuns(o.runsDir));
  let skipped = 0;
  const todo: number[] = [];
  const running: number[] = [];
  for (const cell of sweep.cells) {
    const run = done.get(cell.configHash);
    if (!run && cell.status === 'running') running.push(cell.index);
    else if (run) {
      if (cell.status !== 'completed' || cell.run !== run) {
        cell.reused = cell.run !== run;
        cell.run = run;
        cell.status = 'completed';
        cell.reason = undefined;
      }
      skipped++;
    } else {
      if (cell.status !== 'queued') {
        cell.status = 'queued';
        cell.reason = undefined;
      }
      todo.push(cell.index);
    }
  }
  writeSweep(dir, sweep);
  const wanted = new Set(todo);
  for (const i of [...configs.keys()]) if (!wanted.has(i)) configs.delete(i);
  return { ok: true, dir, sweep, resumed: !!existing, skipped, todo, running, configs };
}
