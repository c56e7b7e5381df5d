/**
 * The trainer child process (dist/trainer.js). Forked by the extension host's run manager or by
 * `paperlab run` with an IPC channel; speaks `src/core/protocol/trainer.ts`:
 *   host → start { runDir, config, backend }  → the trainer re-validates the config, writes the run
 *          folder (config.json, manifest.json, metrics.jsonl, trainer.log) and runs the paper's recipe;
 *   host → stop → finish the current step, status `stopped`, exit.
 * Started by `paperlab run`, it stops when its parent disconnects or dies (polled), so no orphan
 * outlives its terminal. Started by the editor (`detached`), it outlives the window: a reload or an
 * update does not stop training, the window re-adopts it from the run folder, and it stops after its
 * current step only if the folder's lease asks for that and no window has renewed it (VS Code closed).
 * An uncaught error marks the run `failed` with its message, tells the host, and exits non-zero.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DETACHED_FILES,
  LEASE_EXPIRE_MS,
  isHostToTrainer,
  type HostToTrainer,
  type RunLease,
  type TrainerProgress,
  type TrainerToHost,
} from '../core/protocol/trainer';
import { RUN_FILES, type RunManifest } from '../core/runs/events';
import { MetricsWriter, configHash, isProcessAlive, writeManifest } from '../core/runs/folder';
import { seedGroupKey } from '../core/runs/seedGroup';
import { slurmTaskFromEnv } from '../core/sweep/slurmEnv';
import { DivergenceWatch } from '../core/runs/divergence';
import { resolveConfigPaths } from '../core/runs/resolvePaths';
import { lintText } from '../core/config/index';
import { loadRecipe } from '../papers/recipes';
import { StopRequested, type RecipeContext } from './recipe';
import { initBackend } from './backend';
import { saveNamedTensors } from './save';
import { createArmPool, defaultPoolSize } from './arms/pool';
import { ARM_WORKER_ENV } from './arms/protocol';
import { runArmWorker } from './arms/worker';
import { version as paperlabVersion } from '../../package.json';
import { paperRegistry } from '../papers';

type StartMsg = Extract<HostToTrainer, { type: 'start' }>;

let stopRequested = false;
let hostGone = false;
let started = false;
/** Started by the editor: outlives its window (see the header). */
let detached = false;
/** Set when the lease asks to stop and no window has renewed it: VS Code was closed. */
let leaseExpired = false;
let leaseFile: string | undefined;
/** Set while a run is active: records an error that escaped the recipe (a timer, a stray promise) as `failed`. */
let failActive: ((e: unknown) => void) | undefined;

function send(m: TrainerToHost): void {
  if (!process.send || !process.connected) return;
  try {
    // With a callback, a closed channel is reported here instead of as an uncaught 'error' event.
    process.send(m, undefined, undefined, () => undefined);
  } catch {
    /* the host went away; the run folder still records everything */
  }
}

/** Findings as lines a researcher can act on (1-based positions, as editors show them). */
function describeFindings(
  findings: {
    severity: string;
    code: string;
    message: string;
    range: { start: { line: number; character: number } };
  }[],
): string {
  return findings
    .filter((f) => f.severity === 'error')
    .map((f) => `  ${f.code}: ${f.message}`)
    .join('\n');
}

async function run(msg: StartMsg): Promise<number> {
  const t0 = Date.now();
  // 1. Re-validate with the same core as the editor and the CLI: never train on a config with errors.
  const lint = lintText(JSON.stringify(msg.config ?? null, null, 2), 'config.exp.json', { papers: paperRegistry });
  if (!lint.ok || !lint.config) {
    const text = describeFindings(lint.findings) || '  the config could not be read';
    send({ type: 'failed', message: `The config has errors, so the run did not start:\n${text}` });
    return 2;
  }
  // Relative paths (data.path) are relative to the config file; config.json records them resolved.
  const resolved = resolveConfigPaths(lint.config, msg.sourceConfig);
  if (!resolved.ok) {
    send({ type: 'failed', message: `The run did not start: ${resolved.message}` });
    return 2;
  }
  const config = resolved.config as Record<string, unknown> & { paper: string; name?: string; seed?: number };
  const runDir = path.resolve(msg.runDir);
  mkdirSync(runDir, { recursive: true });
  const logFile = path.join(runDir, RUN_FILES.log);
  const log = (message: string, level: 'info' | 'warn' | 'error' = 'info') => {
    appendFileSync(logFile, `${new Date().toISOString()} ${level.toUpperCase()} ${message}\n`);
    send({ type: 'log', level, message });
  };
  writeFileSync(path.join(runDir, RUN_FILES.config), JSON.stringify(config, null, 2) + '\n');
  const manifest: RunManifest = {
    id: path.basename(runDir),
    paper: config.paper,
    name: String(config.name ?? config.paper),
    configHash: configHash(config),
    groupKey: seedGroupKey(config),
    seed: Number(config.seed ?? 0),
    backend: 'starting',
    versions: { paperlab: paperlabVersion, tfjs: '', node: process.version },
    status: 'running',
    startedAt: new Date(t0).toISOString(),
    pid: process.pid,
    host: os.hostname(),
    sourceConfig: msg.sourceConfig,
    sweep: msg.sweep,
    slurm: slurmTaskFromEnv(process.env),
  };
  writeManifest(runDir, manifest);
  if (detached) leaseFile = path.join(runDir, DETACHED_FILES.lease);
  const writer = new MetricsWriter(path.join(runDir, RUN_FILES.metrics));
  const finish = (status: RunManifest['status'], reason?: string) => {
    failActive = undefined; // the run's outcome is written once
    manifest.status = status;
    manifest.reason = reason;
    manifest.endedAt = new Date().toISOString();
    manifest.pid = undefined;
    writer.close();
    writeManifest(runDir, manifest);
  };

  failActive = (e) => {
    const err = e instanceof Error ? e : new Error(String(e));
    try {
      log(`failed: ${err.stack ?? err.message}`, 'error');
    } catch {
      /* the log itself may be what failed (a full disk) */
    }
    try {
      finish('failed', failureReason(err));
    } catch {
      /* nothing more can be recorded */
    }
    send({ type: 'failed', message: failureReason(err), stack: err.stack, manifest: { ...manifest } });
  };
  try {
    const recipe = await loadRecipe(config.paper);
    const be = await initBackend(msg.backend ?? 'auto', { nativeModulesDir: msg.nativeModulesDir });
    // An `auto` fallback is normal (tfjs-node is an optional install): info, not a warning.
    for (const n of be.notes) log(n, msg.backend === 'auto' && n.startsWith('native') ? 'info' : 'warn');
    manifest.backend = be.backend;
    manifest.versions.tfjs = be.tf.version.tfjs ?? be.tf.version_core;
    writeManifest(runDir, manifest);
    log(`run ${manifest.id}: paper ${config.paper}, seed ${manifest.seed}, backend ${be.backend}, pid ${process.pid}`);
    send({ type: 'started', manifest: { ...manifest } });

    // Test hook for the failure path (process tests): throw once a metric at this step is emitted.
    const failAt = process.env.PAPERLAB_TEST_FAIL_AT_STEP ? Number(process.env.PAPERLAB_TEST_FAIL_AT_STEP) : undefined;
    let lastProgress = 0;
    const divergence = new DivergenceWatch();
    let lastProgressFile = 0;
    const progressFile = path.join(runDir, DETACHED_FILES.progress);
    const ctx: RecipeContext = {
      tf: be.tf,
      config,
      seed: manifest.seed,
      runDir,
      backend: be.backend,
      emit: (e) => {
        const event = { ...e, time: Date.now() - t0 };
        writer.append(event);
        // Summaries also go into the manifest at the end: the experiments table reads 1,000 manifests, not 1,000 logs.
        if (event.type === 'summary') (manifest.summaries ??= []).push({ series: event.series, values: event.values });
        send({ type: 'event', event });
        // Every recipe's curves pass here: a loss gone NaN or ∞ ends the run `failed`, whichever recipe.
        const diverged = divergence.check(event);
        if (diverged) throw diverged;
        if (failAt !== undefined && event.type === 'metric' && event.step >= failAt) {
          throw new Error(`injected failure at step ${event.step} (PAPERLAB_TEST_FAIL_AT_STEP)`);
        }
      },
      progress: (done, total, label) => {
        const now = Date.now();
        if (now - lastProgress < 200 && done < total) return;
        lastProgress = now;
        const elapsed = (now - t0) / 1000;
        // No ETA from the first 1%: start-up time would dominate the extrapolation.
        const etaSeconds = done >= total / 100 && total > done ? (elapsed / done) * (total - done) : undefined;
        send({ type: 'progress', done, total, label, etaSeconds });
        // A window that re-adopts this run after a reload has no IPC channel: it reads this file.
        if (detached && (now - lastProgressFile >= 1000 || done >= total)) {
          lastProgressFile = now;
          const p: TrainerProgress = { done, total, label, etaSeconds, at: now };
          const tmp = `${progressFile}.tmp`;
          writeFileSync(tmp, JSON.stringify(p));
          renameSync(tmp, progressFile);
        }
      },
      log,
      shouldStop: () => stopRequested || hostGone || leaseExpired,
      saveTensors: async (name, tensors) => {
        const dir = await saveNamedTensors(be.tf, path.join(runDir, RUN_FILES.weights, name), tensors);
        send({ type: 'checkpoint', path: dir });
      },
    };
    // Independent arms may train in worker processes (started on first use), one per spare core.
    if (defaultPoolSize() > 0 && process.argv[1])
      ctx.arms = createArmPool({
        script: process.argv[1],
        paper: config.paper,
        config,
        seed: manifest.seed,
        backend: be.backend,
        nativeModulesDir: msg.nativeModulesDir,
        emit: ctx.emit,
        log,
        shouldStop: ctx.shouldStop,
      });
    let status: 'completed' | 'stopped' = 'completed';
    try {
      await recipe(ctx);
      if (stopRequested || hostGone || leaseExpired) status = 'stopped';
    } catch (e) {
      if (!(e instanceof StopRequested)) throw e;
      status = 'stopped';
    } finally {
      await ctx.arms?.close();
    }
    if (hostGone) {
      finish(
        'interrupted',
        'The window or terminal that started the run closed; the run was stopped after its current step.',
      );
      log('host went away: stopped');
      return 3;
    }
    if (leaseExpired && !stopRequested) {
      finish(
        'stopped',
        'VS Code was closed, and the setting paperlab.runs.whenVSCodeCloses says to stop runs then: stopped after its current step.',
      );
      log('no window followed the run any more: stopped');
      return 0;
    }
    finish(status, status === 'stopped' ? 'Stopped on request.' : undefined);
    const cpu = process.cpuUsage();
    // CPU seconds beside wall seconds: on a shared machine the first says what the run costs.
    log(
      `${status} in ${((Date.now() - t0) / 1000).toFixed(1)} s (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU)`,
    );
    send({ type: 'done', status, manifest: { ...manifest } });
    return 0;
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    try {
      log(`failed: ${err.stack ?? err.message}`, 'error');
    } catch {
      /* the log itself may be what failed */
    }
    try {
      finish('failed', failureReason(err));
    } catch {
      /* the run folder cannot be written at all; the host still hears why */
    }
    send({ type: 'failed', message: failureReason(err), stack: err.stack, manifest: { ...manifest } });
    return 1;
  }
}

/** The reason recorded for a failed run: file-system errors said in words, with their code kept. */
function failureReason(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return `The disk holding the run folder is full (${err.message}). Free some space and run again; everything written before is kept.`;
  if (code === 'EROFS')
    return `The run folder is on a read-only file system (${err.message}). Choose a writable runs folder.`;
  return err.message;
}

/** True when the run's lease asks to stop once no window follows it, and nobody renewed it lately. */
function leaseSaysStop(): boolean {
  if (!leaseFile) return false;
  try {
    const lease = JSON.parse(readFileSync(leaseFile, 'utf8')) as Partial<RunLease>;
    // Test hook (process tests): a lease that expires in a few seconds instead of LEASE_EXPIRE_MS.
    const expireMs = Number(process.env.PAPERLAB_TEST_LEASE_EXPIRE_MS) || LEASE_EXPIRE_MS;
    return lease.whenVSCodeCloses === 'stop' && Date.now() - Number(lease.renewedAt) > expireMs;
  } catch {
    return false; // no lease (or a torn one): keep training, nothing is lost
  }
}

function exitSoon(code: number): void {
  // Let the last IPC messages flush before exiting.
  if (process.connected) process.disconnect?.();
  setTimeout(() => process.exit(code), 20).unref();
}

function main(): void {
  if (process.env[ARM_WORKER_ENV] === '1') return runArmWorker();
  if (!process.send) {
    console.error(
      'The Paperlab trainer is started by the extension or by `paperlab run <config>`; it is not a command of its own.',
    );
    process.exit(2);
  }
  const parent = process.ppid;
  let ticks = 0;
  const watchdog = setInterval(() => {
    if (detached) {
      // Every 2 s: the lease matters only once no window is connected.
      if (++ticks % 4 === 0 && !process.connected && leaseSaysStop()) leaseExpired = true;
      return;
    }
    if (process.ppid !== parent || !isProcessAlive(parent)) {
      hostGone = true;
      if (!started) process.exit(3);
    }
  }, 500);
  watchdog.unref();
  // Ctrl-C in a terminal reaches the whole process group: the CLI turns it into a `stop` message, so
  // the trainer itself must not die of it. SIGTERM (e.g. from a scheduler) asks for a clean stop too.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => {
    stopRequested = true;
    if (!started) process.exit(3);
  });
  process.on('disconnect', () => {
    if (!started) process.exit(3);
    if (!detached) hostGone = true;
  });
  const onEscaped = (e: unknown) => {
    if (failActive) failActive(e);
    else send({ type: 'failed', message: String((e as Error)?.message ?? e) });
    exitSoon(1);
  };
  process.on('uncaughtException', onEscaped);
  process.on('unhandledRejection', onEscaped);
  process.on('message', (m: unknown) => {
    if (!isHostToTrainer(m)) return;
    if (m.type === 'stop') {
      stopRequested = true;
      return;
    }
    if (started) return;
    started = true;
    detached = m.detached === true;
    run(m).then(exitSoon, (e) => {
      send({ type: 'failed', message: String((e as Error)?.message ?? e) });
      exitSoon(1);
    });
  });
}

main();
