/**
 * Reads the past runs the speed is calibrated on, from a runs folder: manifest.json for status,
 * backend and times, config.json for the work. Async and bounded (only the newest folders are
 * opened) so the editor never waits on a large or slow (network) runs folder; a folder it cannot
 * read is skipped, never an error.
 */
import path from 'node:path';
import type { PaperRegistry } from '../paper/types';
import { RUN_FILES } from '../runs/events';
import { loadManifest } from '../runs/manifest';
import { readTextFile } from '../files/read';
import { childDirs } from '../files/walk';
import type { PastRun } from './calibrate';
import { workOf } from './estimate';

/** Folders opened at most: names start with the start time, so these are the newest. */
const MAX_FOLDERS = 60;

/** The resolved config of a run: a few KB; anything that is not a small regular file is not read. */
async function readConfigJson(file: string): Promise<unknown> {
  const r = await readTextFile(file, { maxBytes: 4 * 1024 * 1024 });
  if (!r.ok) return undefined;
  try {
    return JSON.parse(r.text);
  } catch {
    return undefined;
  }
}

/** One run folder as a PastRun, or undefined when its manifest is missing or not valid (core/runs/manifest.ts). */
export async function readPastRun(dir: string, papers: PaperRegistry): Promise<PastRun | undefined> {
  const read = await loadManifest(dir);
  if (!read.ok) return undefined;
  const m = read.manifest;
  const run: PastRun = { status: m.status, backend: m.backend, startedAt: m.startedAt, endedAt: m.endedAt };
  if (m.status === 'completed')
    run.work = workOf(papers.get(m.paper), await readConfigJson(path.join(dir, RUN_FILES.config)));
  return run;
}

/** The newest runs under `runsDir`, newest first; [] when the folder does not exist. */
export async function readPastRuns(runsDir: string, papers: PaperRegistry): Promise<PastRun[]> {
  const names = (await childDirs(runsDir)).map((d) => d.name);
  const newest = names.sort().reverse().slice(0, MAX_FOLDERS);
  const runs = await Promise.all(newest.map((n) => readPastRun(path.join(runsDir, n), papers)));
  return runs
    .filter((r): r is PastRun => r !== undefined)
    .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
}
