/**
 * Runs a paper's config through the real trainer process (the bundle built by buildTrainer, the same
 * launcher the extension and the CLI use) and returns the run's status and events from its folder.
 * For the recipe tests of the random-weights batch: tiny configs, seconds each.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTrainer } from '../runs/buildTrainer';
import { startTrainer } from '../../../src/core/runs/trainerProcess';
import { createRunDir, readMetricsSync } from '../../../src/core/runs/folder';
import type { RunEvent } from '../../../src/core/runs/events';

export async function runThroughTrainer(
  config: Record<string, unknown>,
): Promise<{ status: string; message?: string; events: RunEvent[]; runDir: string }> {
  const trainerPath = await buildTrainer();
  const runsDir = mkdtempSync(path.join(os.tmpdir(), 'b16-runs-'));
  const runDir = createRunDir(runsDir, String(config.paper));
  const h = startTrainer({ trainerPath, runDir, config, backend: 'wasm', env: process.env, onMessage: () => {} });
  const exit = await h.exited;
  const { events } = readMetricsSync(path.join(runDir, 'metrics.jsonl'));
  return { status: exit.status, message: exit.message, events, runDir };
}
