/**
 * What Slurm tells a process it started (sbatch(1), "OUTPUT ENVIRONMENT VARIABLES"): the job id, and
 * for a job array the array's id and this task's index. The trainer records them in its manifest, so
 * a run folder written on a compute node says which Slurm task wrote it.
 */
import type { RunManifest } from '../runs/events';

export function slurmTaskFromEnv(env: NodeJS.ProcessEnv): RunManifest['slurm'] {
  const jobId = env.SLURM_JOB_ID?.trim();
  if (!jobId) return undefined;
  const task = Number(env.SLURM_ARRAY_TASK_ID);
  return {
    jobId,
    arrayJobId: env.SLURM_ARRAY_JOB_ID?.trim() || undefined,
    arrayTaskId: env.SLURM_ARRAY_TASK_ID !== undefined && Number.isInteger(task) ? task : undefined,
    node: env.SLURMD_NODENAME?.trim() || undefined,
  };
}
