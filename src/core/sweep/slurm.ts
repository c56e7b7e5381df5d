/**
 * The Slurm executor: one job array per sweep (`sbatch --array=<cells>%K`), whose task i runs
 * `paperlab run --sweep-cell <sweep folder> <i>` into the runs folder on shared storage. Cancel is
 * `scancel`. Status comes from the run folders plus `squeue` (pending and running tasks) and
 * `scontrol show job` (recent jobs, finished ones included for MinJobAge): a cell whose manifest says
 * `running` is `interrupted` when Slurm says its task ended, never because a pid is gone — on a
 * cluster the trainer's pid lives on another host.
 *
 * Only `sbatch`, `squeue`, `scontrol` and `scancel` are used (no accounting database: `sacct` needs
 * one, which many clusters do not open to users and a one-node test cluster does not have).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { readManifest, slugify, writeManifest } from '../runs/folder';
import type { RunManifest } from '../runs/events';
import {
  readCellPointer,
  refreshFromRuns,
  runsDirOfSweep,
  writeSweep,
  type CellRecord,
  type SlurmExecutorRecord,
  type SlurmJobRecord,
  type SweepFile,
} from './folder';

/** Runs a Slurm command; rejects with its stderr in the message. */
export function slurmCommand(
  cmd: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { env: env ?? process.env, timeout: timeoutMs, maxBuffer: 64 * 2 ** 20 },
      (err, stdout, stderr) => {
        if (err) {
          const code = (err as NodeJS.ErrnoException).code;
          reject(
            new Error(
              code === 'ENOENT'
                ? `\`${cmd}\` is not on the PATH: Slurm's client commands are needed for --executor slurm (run on a login node of the cluster).`
                : `${cmd} ${args.join(' ')} failed: ${(stderr || err.message).trim()}`,
            ),
          );
        } else resolve(stdout);
      },
    );
  });
}

/** `[0,1,2,3,7,9,10]` → `0-3,7,9-10`: Slurm's array syntax, short for long resumed lists. */
export function compressIndexes(indexes: number[]): string {
  const s = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < s.length;) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[j] + 1) j++;
    parts.push(i === j ? String(s[i]) : `${s[i]}-${s[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** `3-5`, `1,4,7-9`, `2-10:2`, with an optional `%K` throttle → the indexes. */
export function expandIndexes(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec.replace(/%\d+$/, '').split(',')) {
    const m = /^(\d+)(?:-(\d+)(?::(\d+))?)?$/.exec(part.trim());
    if (!m) continue;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    const step = m[3] === undefined ? 1 : Math.max(1, Number(m[3]));
    for (let i = a; i <= b; i += step) out.push(i);
  }
  return out;
}

export interface JobScriptOptions {
  sweepDir: string;
  sweep: SweepFile;
  /** The node binary on the compute nodes; `$PAPERLAB_NODE` set by the header overrides it. */
  nodePath: string;
  /** The `paperlab` CLI bundle (dist/cli.js) on shared storage. */
  cliPath: string;
  /** Lines after the #SBATCH lines: `module load nodejs/20`, `export PAPERLAB_NODE=node`, … */
  header?: string;
  /** sbatch options given with --slurm-arg, recorded in the script for the record. */
  sbatchArgs: string[];
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function jobScript(o: JobScriptOptions): string {
  const out = path.join(o.sweepDir, 'slurm', '%A_%a.out');
  return [
    '#!/bin/bash',
    `# Paperlab sweep "${o.sweep.name}": ${o.sweep.cells.length} cells of ${o.sweep.paper}${o.sweep.sourceConfig ? `, from ${o.sweep.sourceConfig}` : ''}.`,
    '# Written by `paperlab sweep --executor slurm`. Each array task trains one cell into the runs folder;',
    '# the array index is the cell index (plus PAPERLAB_CELL_OFFSET for sweeps larger than MaxArraySize).',
    `#SBATCH --job-name=paperlab-${slugify(o.sweep.name).slice(0, 40)}`,
    '#SBATCH --cpus-per-task=1',
    '#SBATCH --ntasks=1',
    `#SBATCH --output=${out}`,
    ...(o.sbatchArgs.length ? [`# also given to sbatch: ${o.sbatchArgs.join(' ')}`] : []),
    '',
    ...(o.header?.trim() ? ['# header (setting paperlab.slurm.jobHeader / --job-header):', o.header.trim(), ''] : []),
    'cell=$(( SLURM_ARRAY_TASK_ID + ${PAPERLAB_CELL_OFFSET:-0} ))',
    `exec "\${PAPERLAB_NODE:-${o.nodePath}}" ${q(o.cliPath)} run --sweep-cell ${q(o.sweepDir)} "$cell" --backend ${o.sweep.backend} --no-progress`,
    '',
  ].join('\n');
}

/** Slurm's MaxArraySize (array indexes must be below it); 1001 is Slurm's default. */
export async function maxArraySize(env?: NodeJS.ProcessEnv): Promise<number> {
  try {
    const m = /^MaxArraySize\s*=\s*(\d+)/m.exec(await slurmCommand('scontrol', ['show', 'config'], env));
    return m ? Number(m[1]) : 1001;
  } catch {
    return 1001;
  }
}

export interface SubmitOptions extends JobScriptOptions {
  /** The cells to run. */
  todo: number[];
  /** At most this many tasks at once per array job (`%K`); default: all. */
  concurrent?: number;
  env?: NodeJS.ProcessEnv;
  /** Array indexes must be below this (default: read from `scontrol show config`). */
  maxArray?: number;
}

/**
 * Writes the job script and submits the cells as job arrays (one unless the sweep has more cells
 * than MaxArraySize allows as indexes), records the jobs in `sweep.json`, and returns them.
 */
export async function submitSlurm(o: SubmitOptions): Promise<SlurmExecutorRecord> {
  if (!o.todo.length) throw new Error('Nothing to submit: every cell of this sweep is done or running.');
  mkdirSync(path.join(o.sweepDir, 'slurm'), { recursive: true });
  const script = path.join(o.sweepDir, 'slurm', 'job.sh');
  writeFileSync(script, jobScript(o));
  chmodSync(script, 0o755);
  const maxArray = o.maxArray ?? (await maxArraySize(o.env));
  const chunks = new Map<number, number[]>();
  for (const i of o.todo) {
    const offset = Math.floor(i / maxArray) * maxArray;
    chunks.set(offset, [...(chunks.get(offset) ?? []), i - offset]);
  }
  const t0 = Date.now();
  const jobs: SlurmJobRecord[] = [];
  for (const [offset, idx] of chunks) {
    const k = Math.max(1, Math.min(o.concurrent ?? idx.length, idx.length));
    const array = `${compressIndexes(idx)}${k < idx.length ? `%${k}` : ''}`;
    const out = await slurmCommand(
      'sbatch',
      ['--parsable', `--array=${array}`, `--export=ALL,PAPERLAB_CELL_OFFSET=${offset}`, ...o.sbatchArgs, script],
      o.env,
    );
    const jobId = out.trim().split(';')[0];
    if (!/^\d+$/.test(jobId)) throw new Error(`sbatch did not print a job id (it printed "${out.trim()}").`);
    jobs.push({ jobId, array, offset });
  }
  const record: SlurmExecutorRecord = {
    kind: 'slurm',
    jobs,
    script,
    submittedAt: new Date(t0).toISOString(),
    submitSeconds: (Date.now() - t0) / 1000,
  };
  o.sweep.executor = record;
  for (const i of o.todo) {
    const c = o.sweep.cells[i];
    c.status = 'queued';
    c.reason = undefined;
    const job = jobs.find((j) => j.offset === Math.floor(i / maxArray) * maxArray)!;
    c.slurm = { jobId: job.jobId, taskId: i - job.offset };
  }
  writeSweep(o.sweepDir, o.sweep);
  return record;
}

/** One array task as Slurm reports it. */
export interface TaskState {
  jobId: string;
  taskId: number;
  /** PENDING, RUNNING, COMPLETED, CANCELLED, FAILED, TIMEOUT, NODE_FAIL, OUT_OF_MEMORY, … */
  state: string;
  reason?: string;
  node?: string;
}

/** `squeue -h -r -o '%A|%K|%T|%R|%N'` lines → tasks (pending and running ones). */
export function parseSqueue(text: string): TaskState[] {
  const out: TaskState[] = [];
  for (const line of text.split('\n')) {
    const [jobId, task, state, reason, node] = line.trim().split('|');
    if (!jobId || !state || !/^\d+$/.test(task ?? '')) continue;
    out.push({ jobId, taskId: Number(task), state, reason: reason || undefined, node: node || undefined });
  }
  return out;
}

/**
 * `scontrol show job -o <id>` → one record per task (pending tasks come as one record with a range,
 * e.g. `ArrayTaskId=3-5%2`, expanded here).
 */
export function parseScontrol(text: string): TaskState[] {
  const out: TaskState[] = [];
  for (const line of text.split('\n')) {
    const f = (k: string) => new RegExp(`(?:^|\\s)${k}=(\\S*)`).exec(line)?.[1];
    const jobId = f('ArrayJobId');
    const tasks = f('ArrayTaskId');
    const state = f('JobState');
    if (!jobId || !tasks || !state) continue;
    const reason = f('Reason');
    const node = f('NodeList');
    for (const t of expandIndexes(tasks))
      out.push({
        jobId,
        taskId: t,
        state,
        reason: reason && reason !== 'None' ? reason : undefined,
        node: node && node !== '(null)' ? node : undefined,
      });
  }
  return out;
}

/** The state of every task of these array jobs that Slurm still knows about, keyed `job_task`. */
export async function taskStates(jobIds: string[], env?: NodeJS.ProcessEnv): Promise<Map<string, TaskState>> {
  const states = new Map<string, TaskState>();
  for (const id of jobIds) {
    // scontrol first (finished tasks too), then squeue, which is authoritative for live ones.
    const sc = await slurmCommand('scontrol', ['show', 'job', '-o', id], env).catch(() => '');
    for (const t of parseScontrol(sc)) states.set(`${t.jobId}_${t.taskId}`, t);
  }
  if (jobIds.length) {
    const sq = await slurmCommand('squeue', ['-h', '-r', '-j', jobIds.join(','), '-o', '%A|%K|%T|%R|%N'], env).catch(
      () => '',
    );
    for (const t of parseSqueue(sq)) states.set(`${t.jobId}_${t.taskId}`, t);
  }
  return states;
}

const LIVE = new Set([
  'PENDING',
  'CONFIGURING',
  'RUNNING',
  'COMPLETING',
  'SUSPENDED',
  'REQUEUED',
  'RESIZING',
  'SIGNALING',
  'STAGE_OUT',
]);

/** The last lines of a task's output file: what a task that died before its trainer started said. */
function outputTail(sweepDir: string, jobId: string, taskId: number): string {
  const file = path.join(sweepDir, 'slurm', `${jobId}_${taskId}.out`);
  if (!existsSync(file)) return '';
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n').slice(-4).join(' | ');
    return lines ? ` Its output (${file}): ${lines.slice(0, 400)}` : '';
  } catch {
    return '';
  }
}

/** A `running` manifest whose Slurm task has ended: the status sticks, with Slurm's word for why. */
function markRunEnded(runDir: string, status: RunManifest['status'], reason: string): void {
  const m = readManifest(runDir);
  if (!m || m.status !== 'running') return;
  writeManifest(runDir, { ...m, status, reason, pid: undefined, endedAt: m.endedAt ?? new Date().toISOString() });
}

/**
 * Brings the cells of a Slurm sweep up to date: Slurm's state is read first, then the run folders
 * (a task that finishes between the two reads is then seen completed, never "interrupted").
 */
export async function refreshSlurm(sweepDir: string, sweep: SweepFile, env?: NodeJS.ProcessEnv): Promise<void> {
  const exec = sweep.executor;
  if (exec?.kind !== 'slurm') {
    refreshFromRuns(sweepDir, sweep);
    return;
  }
  const states = await taskStates(
    exec.jobs.map((j) => j.jobId),
    env,
  );
  refreshFromRuns(sweepDir, sweep);
  const runsDir = runsDirOfSweep(sweepDir, sweep);
  for (const cell of sweep.cells) {
    if (!cell.slurm) continue;
    const t = states.get(`${cell.slurm.jobId}_${cell.slurm.taskId}`);
    cell.slurm.state = t?.state;
    if (cell.status === 'completed' || cell.status === 'failed') continue;
    const pointer = readCellPointer(sweepDir, cell.index);
    const runDir = pointer ? path.join(runsDir, pointer.run) : undefined;
    if (t?.node) cell.host = t.node;
    const where = `Slurm job ${cell.slurm.jobId}_${cell.slurm.taskId}`;
    if (t && LIVE.has(t.state)) {
      cell.status = t.state === 'PENDING' ? (pointer ? 'running' : 'queued') : 'running';
      cell.reason = t.state === 'PENDING' && t.reason ? `pending in Slurm (${t.reason})` : undefined;
      continue;
    }
    const cancelled = t?.state === 'CANCELLED' || (!t && !!exec.cancelledAt);
    if (cancelled) {
      cell.status = 'cancelled';
      cell.reason = `Cancelled in Slurm (${where})${pointer ? '; the run keeps what it wrote before' : ' before it started'}.`;
      if (runDir) markRunEnded(runDir, 'interrupted', cell.reason);
      continue;
    }
    // The task is over (or Slurm no longer lists it) and the run did not record an end of its own.
    const said = t
      ? `Slurm ended the task: ${t.state}${t.reason ? ` (${t.reason})` : ''}`
      : 'Slurm no longer lists the task';
    if (runDir && readManifest(runDir)) {
      if (cell.status === 'running') {
        cell.status = 'interrupted';
        cell.reason = `${said}, but the run did not finish (${where}).`;
        markRunEnded(runDir, 'interrupted', cell.reason);
      }
    } else {
      cell.status = 'failed';
      cell.reason = `${said} before the trainer started (${where}).${outputTail(sweepDir, cell.slurm.jobId, cell.slurm.taskId)}`;
    }
  }
  writeSweep(sweepDir, sweep);
}

/** `scancel` every job of the sweep; the next refresh marks the cells that did not complete as cancelled. */
export async function cancelSlurm(sweepDir: string, sweep: SweepFile, env?: NodeJS.ProcessEnv): Promise<string[]> {
  const exec = sweep.executor;
  if (exec?.kind !== 'slurm') throw new Error('This sweep was not submitted to Slurm.');
  const ids = exec.jobs.map((j) => j.jobId);
  await slurmCommand('scancel', ids, env);
  exec.cancelledAt = new Date().toISOString();
  writeSweep(sweepDir, sweep);
  return ids;
}

/** True when no cell of the sweep is queued or running any more. */
export function settled(cells: readonly CellRecord[]): boolean {
  return cells.every((c) => c.status !== 'queued' && c.status !== 'running');
}
