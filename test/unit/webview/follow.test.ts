// Issue 13: a finished run stayed "running" in the dashboard for 50+ s when a queued run started the
// moment it finished. The watcher event for the new run's manifest made the host scan the folder and
// keep only the new run (`scan().added.find(…)`), dropping the finished run's update from the same
// scan; later polls saw nothing new. Every change a scan finds must reach the panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RunSource } from '../../../src/host/dashboard/runSource';
import { RunFollower, type FollowSink } from '../../../src/host/dashboard/follow';
import type { RunInfo } from '../../../src/core/protocol/dashboard';
import { manifest, writeRun } from '../faults/helpers';

class Panel implements FollowSink {
  status = new Map<string, string>();
  shownRuns: string[] = [];
  runsChanged(updated: RunInfo[], removed: string[]): void {
    for (const r of updated) this.status.set(r.manifest.id, r.manifest.status);
    for (const id of removed) this.status.delete(id);
  }
  events(): void {}
}

test('a run that finishes as a queued one starts is shown finished at once', async () => {
  const runs = mkdtempSync(path.join(os.tmpdir(), 'paperlab-follow-'));
  try {
    // A runs, its trainer alive (this process), on this machine.
    const live = { status: 'running', pid: process.pid, host: os.hostname() };
    writeRun(runs, 'run-a', 3, live);
    const source = new RunSource(runs);
    const panel = new Panel();
    const follower = new RunFollower(source, () => panel);
    panel.runsChanged((await source.scan()).added, []);
    assert.equal(panel.status.get('run-a'), 'running');

    // In the same instant: A completes, and the queued B starts.
    writeFileSync(
      path.join(runs, 'run-a', 'manifest.json'),
      JSON.stringify(manifest('run-a', { status: 'completed' })),
    );
    writeRun(runs, 'run-b', 0, live);
    // The watcher reports B's new manifest first.
    await follower.onRunFile(path.join(runs, 'run-b', 'manifest.json'));
    assert.equal(panel.status.get('run-b'), 'running');
    assert.equal(panel.status.get('run-a'), 'completed', 'run-a still shown running');

    // A poll afterwards agrees, and has nothing new to say.
    await follower.poll();
    assert.deepEqual(Object.fromEntries(panel.status), { 'run-a': 'completed', 'run-b': 'running' });
  } finally {
    rmSync(runs, { recursive: true, force: true });
  }
});
