// One place that knows everything a harness run started (servers, browsers, temp dirs), so every
// exit path — success, failure, timeout, Ctrl-C, an exception — tears all of it down.
import { rmSync } from 'node:fs';

type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];
let installed = false;
let running: Promise<void> | undefined;

/** Registers a teardown step; steps run in reverse order of registration. */
export function onCleanup(fn: Cleanup): void {
  installSignalHandlers();
  cleanups.push(fn);
}

/** Removes a directory at cleanup time (set PAPERLAB_KEEP_TMP=1 to keep it for debugging). */
export function removeAtCleanup(dir: string): void {
  onCleanup(() => {
    if (process.env.PAPERLAB_KEEP_TMP) console.log(`[harness] kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });
}

export function runCleanups(): Promise<void> {
  running ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop()!;
      try {
        await fn();
      } catch (e) {
        console.error(`[harness] cleanup step failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  })();
  return running;
}

/** Cleans up, then exits with `code`. */
export async function exitWith(code: number): Promise<never> {
  await runCleanups();
  process.exit(code);
}

function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      console.error(`\n[harness] ${sig}: stopping…`);
      void exitWith(sig === 'SIGINT' ? 130 : 143);
    });
  }
  process.on('uncaughtException', (e) => {
    console.error('[harness] uncaught exception:', e);
    void exitWith(1);
  });
  process.on('unhandledRejection', (e) => {
    console.error('[harness] unhandled rejection:', e);
    void exitWith(1);
  });
}

/** Kills a whole process group (the leader was spawned with `detached: true`): SIGTERM, then SIGKILL. */
export async function killTree(pid: number | undefined, graceMs = 3000): Promise<void> {
  if (!pid) return;
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (alive()) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}
