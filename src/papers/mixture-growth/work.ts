/**
 * Training MACs of each arm (what the paper's "fewer FLOPs" compares) and the run's work: two members
 * at half width, the grown arms from the members' end, the scratch control at full width.
 */
import { evalsBetween, forwardWork, mlpMacs, stepsWork } from '../../core/estimate/work';
import type { MixtureGrowthConfig } from './schema';

const sizesOf = (c: MixtureGrowthConfig, half: boolean) => [
  784,
  ...c.model.hidden.map((h) => (half ? Math.floor(h / 2) : h)),
  10,
];

/** Forward+backward MACs (3 × batch × forward) of the members + growth, and of scratch. */
export function growthMacs(c: MixtureGrowthConfig): { members: number; mixture: number; scratch: number } {
  const b = c.train.batch_size;
  const members = 2 * 3 * b * c.growth.member_iterations * mlpMacs(sizesOf(c, true));
  const growth = 3 * b * c.growth.growth_iterations * mlpMacs(sizesOf(c, false));
  return {
    members,
    mixture: members + growth,
    scratch: 3 * b * c.scratch_iterations * mlpMacs(sizesOf(c, false)),
  };
}

export function mixtureGrowthWork(c: MixtureGrowthConfig): number {
  const b = Math.min(c.train.batch_size, c.data.train);
  const E = c.train.eval_every;
  const test = c.data.test;
  const half = sizesOf(c, true);
  const full = sizesOf(c, false);
  const run = (sizes: number[], steps: number) =>
    stepsWork(sizes, steps, steps * b, c.train.optimizer) + forwardWork(sizes, evalsBetween(0, steps, E) * test);
  const grownArms = 1 + c.controls.filter((a) => a !== 'scratch').length;
  return (
    2 * run(half, c.growth.member_iterations) +
    grownArms * run(full, c.growth.growth_iterations) +
    (c.controls.includes('scratch') ? run(full, c.scratch_iterations) : 0)
  );
}
