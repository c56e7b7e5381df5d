/**
 * The work of a learngene-sws run: teacher training; distilling each auxiliary net (its forward and
 * backward plus the teacher's forward); every descendant's tuning. A residual block is one width×width
 * product plus a LayerNorm (costed as one more weight layer of fixed cost); evaluations twice an epoch.
 */
import { forwardWork, stepsWork } from '../../core/estimate/work';
import type { LearngeneSwsConfig } from './schema';

export function work(c: LearngeneSwsConfig): number {
  const n = c.data.train;
  const b = Math.max(1, Math.min(c.train.batch_size, n));
  const epoch = Math.ceil(n / b);
  const W = c.width;
  const teacherSizes = [784, ...c.teacher.hidden, 10];
  const staged = (blocks: number) => [784, W, ...Array<number>(blocks).fill(W), 10];
  const evalPerEpoch = 2 * c.data.test;
  const trainNet = (sizes: number[], epochs: number, blocks = 0) =>
    stepsWork([...sizes, ...Array<number>(blocks).fill(W)], epochs * epoch, epochs * epoch * b, c.train.optimizer) +
    forwardWork(sizes, epochs * evalPerEpoch);
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  let w = trainNet(teacherSizes, c.teacher.epochs);
  const auxBlocks = sum(c.aux.blocks_per_stage);
  const distil = (blocks: number) =>
    trainNet(staged(blocks), c.aux.epochs, blocks) + forwardWork(teacherSizes, c.aux.epochs * n);
  if (c.arms.includes('sws')) w += distil(auxBlocks);
  if (c.arms.includes('learngene_untied')) w += distil(c.aux.blocks_per_stage.length);
  for (const d of c.descendants.depths)
    for (const arm of c.arms)
      w += trainNet(
        staged(sum(d)),
        arm === 'scratch_long' ? c.descendants.reference_epochs : c.descendants.epochs,
        sum(d),
      );
  return w;
}
