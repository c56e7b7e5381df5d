/**
 * What a run writes to `metrics.jsonl`, one JSON object per line, and what the trainer streams to the
 * host. The file is the source of truth: every chart can be redrawn from it alone.
 *
 * Imported by the trainer, the host, the CLI and the webview: keep it free of imports.
 */

/**
 * Which curve an event belongs to. `arm` is the experimental condition (e.g. `ticket`, `random_reinit`,
 * `dense`); `round` and `density` are set by pruning recipes. Recipes may add their own tags
 * (e.g. `alpha`, `ratio`, `width`) — the paper's figure spec says which tags group its lines.
 */
export interface SeriesTags {
  arm: string;
  round?: number;
  /** Fraction of prunable weights kept, in (0, 1]. */
  density?: number;
  [tag: string]: string | number | boolean | undefined;
}

/** A point on a training curve: values measured at a step of one series. */
export interface MetricEvent {
  type: 'metric';
  /** Milliseconds since the run started. */
  time: number;
  /** Optimizer steps taken so far within this series (iterations, or epochs when the recipe says so). */
  step: number;
  series: SeriesTags;
  /** e.g. `train_loss`, `test_acc`, `val_loss`. Accuracies are fractions in [0, 1]. */
  values: Record<string, number>;
}

/** The result of one finished series, e.g. the early-stop iteration and the accuracy there. */
export interface SummaryEvent {
  type: 'summary';
  time: number;
  series: SeriesTags;
  values: Record<string, number>;
}

/** A named moment worth marking on a chart (pruned, rewound, generalized, ...). */
export interface PhaseEvent {
  type: 'phase';
  time: number;
  step: number;
  series: SeriesTags;
  label: string;
}

export type RunEvent = MetricEvent | SummaryEvent | PhaseEvent;

export type RunStatus = 'queued' | 'running' | 'completed' | 'stopped' | 'failed' | 'interrupted';

/** `manifest.json` in a run folder. Written at start, rewritten at the end. */
export interface RunManifest {
  /** Folder name, unique within the runs folder. */
  id: string;
  paper: string;
  name: string;
  /** sha256 of the canonical resolved config (sorted keys): equal only for the same config AND seed. */
  configHash: string;
  /**
   * sha256 of the resolved config without `seed`, `name` and `sweep` (src/core/runs/seedGroup.ts):
   * runs that differ only in seed share it and are drawn as one line. Absent in folders written before
   * it existed; the run-folder reader then computes it from `config.json`.
   */
  groupKey?: string;
  seed: number;
  backend: string;
  versions: { paperlab: string; tfjs: string; node: string };
  status: RunStatus;
  /** Why a run failed, was stopped or interrupted, in words. */
  reason?: string;
  /** ISO 8601. */
  startedAt: string;
  endedAt?: string;
  /** Process id of the trainer while running, to tell a crashed run (dead pid, status running) from a live one. */
  pid?: number;
  /** Host name of the machine the trainer runs on: a pid only means something there (run folders on shared storage). */
  host?: string;
  /** The config file the run came from, if any. */
  sourceConfig?: string;
  /** Set when the run is a cell of a sweep: the sweep folder and the cell's index in `sweep.json`. */
  sweep?: { dir: string; cell: number };
  /**
   * Set when Slurm started the trainer (from SLURM_* variables): on a cluster the pid means nothing on
   * the submitting host, so whether the run is still alive is decided from Slurm's state for this job.
   */
  slurm?: { jobId: string; arrayJobId?: string; arrayTaskId?: number; node?: string };
  /**
   * The run's summary events (also in metrics.jsonl), so a list of many runs can show each run's
   * results from its manifest alone. Written with the manifest; absent in folders written before.
   */
  summaries?: { series: SeriesTags; values: Record<string, number> }[];
}

/** File names inside a run folder. */
export const RUN_FILES = {
  config: 'config.json',
  manifest: 'manifest.json',
  metrics: 'metrics.jsonl',
  log: 'trainer.log',
  weights: 'weights',
} as const;

export const DEFAULT_RUNS_DIR = '.paperlab/runs';
