// Synthetic runs for the experiments table's test and benchmark (no browser imports here).
import type { RunInfo } from '../../src/core/protocol/dashboard';
import { figures } from '../../src/papers/lottery-ticket/figures';

/** `n` runs: sweeps of 10 learning rates × 3 seeds, each with ticket/reinit summaries at 8 densities. */
export function syntheticTableRuns(n: number): RunInfo[] {
  const runs: RunInfo[] = [];
  for (let i = 0; i < n; i++) {
    const sweep = Math.floor(i / 30);
    const setting = Math.floor(i / 3) % 10;
    const seed = (i % 3) + 1;
    const lr = (setting + 1) / 1000;
    const summaries = [];
    for (let round = 0; round < 8; round++) {
      const density = 0.8 ** round;
      for (const arm of round ? ['ticket', 'random_reinit'] : ['ticket'])
        summaries.push({
          series: { arm, round, density },
          values: {
            density,
            early_stop_iter: 400 + 100 * ((i * 7 + round * 3) % 11),
            test_acc_at_early_stop: 0.94 + 0.001 * ((i * 13 + round) % 20),
          },
        });
    }
    runs.push({
      manifest: {
        id: `run-${String(i).padStart(4, '0')}`,
        paper: 'lottery-ticket',
        name: `sweep ${sweep} [train.lr=${lr}]`,
        configHash: `h-${i}`,
        groupKey: `g-${sweep}-${setting}`,
        seed,
        backend: 'wasm',
        versions: { paperlab: '0', tfjs: '0', node: 'v20' },
        status: i % 97 === 0 ? 'failed' : 'completed',
        startedAt: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
        sweep: { dir: `/runs/.sweeps/2026110${sweep % 10}-sweep-${sweep}`, cell: i % 30 },
        summaries,
      },
      settings: {},
      params: { 'train.lr': lr, 'train.iterations': 1500, 'model.hidden': '[300,100]' },
      live: false,
    });
  }
  return runs;
}

export const lotteryFigures = [{ id: 'lottery-ticket', figures }];
