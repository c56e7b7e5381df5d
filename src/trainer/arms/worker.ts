/**
 * The arm worker: dist/trainer.js started by pool.ts with PAPERLAB_ARM_WORKER=1. It sets up the run's
 * backend once, then runs the jobs it is sent, one at a time, each as `arms[name](ctx, payload)` from
 * the paper's recipe module, with a context whose events, logs and progress go back to the run's
 * trainer (which writes them). It never writes the run folder, and exits when its parent goes away.
 */
import type { BackendChoice } from '../../core/protocol/trainer';
import { isProcessAlive } from '../../core/runs/folder';
import { initBackend, type BackendResult } from '../backend';
import { StopRequested, type RecipeContext } from '../recipe';
import { isToWorker, type FromWorker, type ToWorker } from './protocol';

/** An arm a recipe lets run in another process: a pure function of the config, the seed and `payload`. */
export type ArmRunner = (ctx: RecipeContext, payload: unknown) => Promise<void>;

async function loadArms(paper: string): Promise<Record<string, ArmRunner>> {
  if (!/^[a-z0-9-]+$/.test(paper)) throw new Error(`Unknown paper "${paper}".`);
  const mod = (await import(`../../papers/${paper}/recipe.ts`)) as { arms?: Record<string, ArmRunner> };
  return mod.arms ?? {};
}

export function runArmWorker(): void {
  let stop = false;
  let setup: Promise<{
    be: BackendResult;
    arms: Record<string, ArmRunner>;
    init: Extract<ToWorker, { type: 'arm-init' }>;
  }>;
  const send = (m: FromWorker) => {
    if (process.connected) process.send!(m, undefined, undefined, () => undefined);
  };
  // Without its channel or its parent, nothing this worker computes can reach anyone (it never writes
  // the run folder): it exits at once rather than finishing its arm, whose next stop check can be
  // seconds away on a loaded machine.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent || !isProcessAlive(parent)) process.exit(0);
  }, 500).unref();
  process.on('disconnect', () => process.exit(0));
  process.on('SIGINT', () => undefined); // Ctrl-C goes to the trainer, which stops us in order

  const runJob = async (m: Extract<ToWorker, { type: 'arm-job' }>) => {
    const cpu0 = process.cpuUsage();
    try {
      const { be, arms, init } = await setup;
      const arm = arms[m.name];
      if (!arm) throw new Error(`The ${init.paper} recipe has no arm "${m.name}" to run in a worker.`);
      let lastProgress = 0;
      const ctx: RecipeContext = {
        tf: be.tf,
        config: init.config,
        seed: init.seed,
        runDir: '',
        backend: be.backend,
        emit: (event) => send({ type: 'arm-event', id: m.id, event }),
        progress: (done) => {
          const now = Date.now();
          if (now - lastProgress < 100) return;
          lastProgress = now;
          send({ type: 'arm-progress', id: m.id, done });
        },
        log: (message, level = 'info') => send({ type: 'arm-log', id: m.id, level, message }),
        shouldStop: () => stop,
        saveTensors: () => Promise.reject(new Error('An arm running in a worker cannot save tensors.')),
      };
      await arm(ctx, m.payload);
      const cpu = process.cpuUsage(cpu0);
      send({ type: 'arm-done', id: m.id, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      send({
        type: 'arm-failed',
        id: m.id,
        message: err.message,
        stack: err.stack,
        stopped: e instanceof StopRequested,
      });
    } finally {
      if (!process.connected) process.exit(0);
    }
  };

  process.on('message', (m: unknown) => {
    if (!isToWorker(m)) return;
    if (m.type === 'arm-init') {
      setup = (async () => {
        const be = await initBackend(m.backend as BackendChoice, { nativeModulesDir: m.nativeModulesDir });
        const arms = await loadArms(m.paper);
        send({ type: 'arm-ready', backend: be.backend });
        return { be, arms, init: m };
      })();
      setup.catch(() => undefined); // reported by the first job
    } else if (m.type === 'arm-stop') stop = true;
    else void runJob(m);
  });
}
