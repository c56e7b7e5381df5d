/**
 * The work of a fedau run: per arm and round, about N·mean(p) participants each running `local_steps`
 * SGD steps (the loop's fixed per-step cost dominates at batch 16) and copying the model in and out
 * (~3 host↔backend passes over the parameters, 20 MAC-equivalents per value); plus evaluations.
 * mean(p) is taken as the configured mean (the floor raises it a little).
 */
import { evalsBetween, forwardWork, stepsWork } from '../../core/estimate/work';
import type { FedauConfig } from './schema';

const PER_PARAM_COPY = 60;

export function work(c: FedauConfig): number {
  const f = c.fed;
  const sizes = [784, ...c.model.hidden, 10];
  const params = sizes.slice(1).reduce((n, s, i) => n + s * (sizes[i] + 1), 0);
  const participants = f.clients * Math.max(f.participation_mean, f.participation_min);
  const rounds = f.rounds;
  const perParticipant = stepsWork(sizes, f.local_steps, f.local_steps * f.batch_size) + PER_PARAM_COPY * params;
  const evals = evalsBetween(0, rounds, Math.max(1, f.eval_every)) * c.data.test;
  return c.arms.length * (rounds * participants * perParticipant + forwardWork(sizes, evals));
}
