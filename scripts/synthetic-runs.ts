/**
 * SYNTHETIC run folders for the dashboard's tests and benchmark (and screenshots only when no real run
 * exists — then the run is named "synthetic …" and its backend is "synthetic", so it can never pass
 * for a result). Shaped like the lottery-ticket recipe's output: metric events tagged
 * `{ arm, round, density }` every `evalEvery` steps, one summary per (round, arm).
 *
 *   node --import tsx scripts/synthetic-runs.ts <runsDir> [count] [iterations]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RUN_FILES, type RunEvent, type RunManifest } from '../src/core/runs/events';
import { deriveSummary } from '../src/core/figures/build';
import { mulberry32 } from '../test/support/mulberry32';

export interface SyntheticOptions {
  name?: string;
  seed?: number;
  rounds?: number;
  iterations?: number;
  evalEvery?: number;
  arms?: string[];
  /** Seed-group key: runs sharing it are seeds of one config (default: the same for equal rounds and iterations). */
  groupKey?: string;
}

const rng = mulberry32;

export function syntheticEvents(o: SyntheticOptions = {}): RunEvent[] {
  const rand = rng(o.seed ?? 1);
  const rounds = o.rounds ?? 6;
  const iterations = o.iterations ?? 2000;
  const every = o.evalEvery ?? 100;
  const events: RunEvent[] = [];
  let time = 0;
  for (let round = 0; round <= rounds; round++) {
    const density = +(0.8 ** round).toFixed(4);
    for (const arm of round === 0 ? ['ticket'] : (o.arms ?? ['ticket', 'random_reinit'])) {
      // Tickets learn faster down to ~20% and then slow; reinitialised copies slow steadily.
      const speed = arm === 'ticket' ? 1 + 0.6 * Math.min(round, 7) - 0.25 * Math.max(0, round - 7) : 1 - 0.08 * round;
      const tau = iterations / 6 / Math.max(0.2, speed);
      const ceiling = arm === 'ticket' ? 0.975 + 0.001 * Math.min(round, 6) : 0.975 - 0.004 * round;
      const metrics = [];
      for (let step = every; step <= iterations; step += every) {
        time += 40 + rand() * 10;
        const fit = 1 - Math.exp(-step / tau);
        const overfit = Math.max(0, step - 3 * tau) / iterations;
        const valLoss = 2.3 * (1 - fit) + 0.08 + 0.15 * overfit + 0.01 * rand();
        const m = {
          type: 'metric' as const,
          time: Math.round(time),
          step,
          series: { arm, round, density },
          values: {
            train_loss: 2.3 * (1 - fit) * (0.9 + 0.2 * rand()) + 0.02,
            val_loss: valLoss,
            test_acc: Math.min(1, 0.1 + (ceiling - 0.1) * fit - 0.01 * overfit + 0.004 * (rand() - 0.5)),
          },
        };
        metrics.push(m);
        events.push(m);
      }
      const es = deriveSummary(metrics, [
        {
          kind: 'earlyStop',
          loss: 'val_loss',
          stepAs: 'early_stop_iter',
          values: { test_acc_at_early_stop: 'test_acc' },
        },
        { kind: 'last', key: 'test_acc', as: 'final_test_acc' },
      ]);
      events.push({
        type: 'summary',
        time: Math.round(time),
        series: { arm, round, density },
        values: { ...es, density },
      });
    }
  }
  return events;
}

export function syntheticManifest(
  id: string,
  o: SyntheticOptions = {},
  status: RunManifest['status'] = 'completed',
): RunManifest {
  return {
    id,
    paper: 'lottery-ticket',
    name: o.name ?? 'synthetic lenet-300-100 imp',
    configHash: `synthetic-${o.rounds ?? 6}-${o.iterations ?? 2000}-seed${o.seed ?? 1}`,
    groupKey: o.groupKey ?? 'synthetic-' + (o.rounds ?? 6) + '-' + (o.iterations ?? 2000),
    seed: o.seed ?? 1,
    backend: 'synthetic',
    versions: { paperlab: '0.1.0', tfjs: 'none', node: process.version },
    status,
    startedAt: new Date(Date.UTC(2026, 10, 27, 9, 0, o.seed ?? 1)).toISOString(),
    endedAt: status === 'running' ? undefined : new Date(Date.UTC(2026, 10, 27, 9, 30, o.seed ?? 1)).toISOString(),
  };
}

/** Writes one run folder; returns its path. */
export function writeSyntheticRun(runsDir: string, id: string, o: SyntheticOptions = {}): string {
  const dir = path.join(runsDir, id);
  mkdirSync(dir, { recursive: true });
  const config = {
    paper: 'lottery-ticket',
    name: o.name ?? 'synthetic',
    seed: o.seed ?? 1,
    train: {
      optimizer: 'adam',
      lr: 0.0012,
      batch_size: 60,
      iterations: o.iterations ?? 2000,
      eval_every: o.evalEvery ?? 100,
    },
    prune: { method: 'imp', rounds: o.rounds ?? 6, rate: { hidden: 0.2, output: 0.1 }, rewind_to: 0 },
  };
  writeFileSync(path.join(dir, RUN_FILES.config), JSON.stringify(config, null, 2));
  writeFileSync(path.join(dir, RUN_FILES.manifest), JSON.stringify(syntheticManifest(id, o), null, 2));
  writeFileSync(
    path.join(dir, RUN_FILES.metrics),
    syntheticEvents(o)
      .map((e) => JSON.stringify(e))
      .join('\n') + '\n',
  );
  return dir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [dir, count = '2', iterations = '2000'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node --import tsx scripts/synthetic-runs.ts <runsDir> [count] [iterations]');
    process.exit(2);
  }
  for (let i = 1; i <= Number(count); i++)
    console.log(
      writeSyntheticRun(dir, `20261127-0900${String(i).padStart(2, '0')}-synthetic-seed${i}`, {
        seed: i,
        iterations: Number(iterations),
        groupKey: 'synthetic-demo',
      }),
    );
}
