/**
 * The work of a lottery-ticket run (recipe.ts): the dense training, then per round the ticket and each
 * control. Ticket and random-mask arms retrain from the rewind iteration k, random reinit from 0.
 * Masked layers are still dense products, so density does not reduce the work.
 * With arm workers (src/trainer/arms: one per spare core), a round's controls train in other processes
 * beside its ticket, so a round takes as long as the longer of the two: the estimate is that critical
 * path, which is what the run's wall time follows. With `train.patience`, trainings may go on past
 * `iterations`; how far is only known as they train, so controls (random reinits at low density are the
 * ones still improving) are counted `patience` longer — a typical case, not the upper limit.
 */
import { evalsBetween, trainingWork } from '../../core/estimate/work';
import type { LotteryTicketConfig } from './schema';
import { defaultArmWorkers } from '../../trainer/arms/size';

export function lotteryWork(c: LotteryTicketConfig, workers = defaultArmWorkers()): number {
  const T = c.train.iterations;
  const k = Math.min(c.prune.rewind_to, T);
  const E = c.train.eval_every;
  const sizes = [784, ...c.model.hidden, 10];
  const batch = Math.min(c.train.batch_size, c.data.train);
  const evalSize = (c.data.val ?? 0) + c.data.test;
  const extra = Math.min(c.train.patience, Math.max(0, (c.train.max_iterations ?? 4 * T) - T));
  const training = (from: number, to = T) =>
    trainingWork({
      sizes,
      batch,
      steps: to - from,
      evalExamples: evalsBetween(from, to, E) * evalSize,
      optimizer: c.train.optimizer,
    });
  const controls = (c.controls ?? []).reduce((w, arm) => w + training(arm === 'random_reinit' ? 0 : k, T + extra), 0);
  const beside = Math.min(workers, (c.controls ?? []).length);
  const perRound = beside > 0 ? Math.max(training(k), controls / beside) : training(k) + controls;
  return training(0) + c.prune.rounds * perRound;
}
