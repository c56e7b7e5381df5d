/**
 * Reads the past runs the speed is calibrated on, from a runs folder: manifest.json for status,
 * backend and times, config.json for the work. Async and bounded (only the newest folders are
 * opened) so the editor never waits on a large or slow (network) runs folder; a folder it cannot
 * read is skipped, never an error.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PaperRegistry } from '../paper/types';
import { RUN_FILES, type RunManifest } from '../runs/events';
import type { PastRun } from './calibrate';
import { workOf } from './estimate';

/** Folders opened at most: names start with the start time, so these are the newest. */
const MAX_FOLDERS = 60;

async function readJson(file: string): Promise<any> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** One run folder as a PastRun, or undefined when its manifest is missing or unreadable. */
export async function readPastRun(dir: string, papers: PaperRegistry): Promise<PastRun | undefined> {
  const m = (await readJson(path.join(dir, RUN_FILES.manifest))) as RunManifest | undefined;
  if (!m || typeof m !== 'object' || typeof m.status !== 'string' || typeof m.backend !== 'string') return undefined;
  const run: PastRun = { status: m.status, backend: m.backend, startedAt: m.startedAt, endedAt: m.endedAt };
  if (m.status === 'completed')
    run.work = workOf(papers.get(m.paper), await readJson(path.join(dir, RUN_FILES.config)));
  return run;
}

/** The newest runs under `runsDir`, newest first; [] when the folder does not exist. */
export async function readPastRuns(runsDir: string, papers: PaperRegistry): Promise<PastRun[]> {
  let names: string[];
  try {
    names = (await readdir(runsDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return [];
  }
  const newest = names.sort().reverse().slice(0, MAX_FOLDERS);
  const runs = await Promise.all(newest.map((n) => readPastRun(path.join(runsDir, n), papers)));
  return runs
    .filter((r): r is PastRun => r !== undefined)
    .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
}
