/**
 * `paper: learning-to-actively-learn` (Zhang, Jain & Jamieson, "Learning to Actively Learn: A Robust
 * Approach", 2020). A query policy is trained adversarially over equivalence classes of problems (derived
 * from information-theoretic lower bounds) so that one policy competes with the best policy for each class,
 * at very small query budgets. The small setting is the research notes' (next-batches.md B25): best-arm
 * identification among Gaussian arms with a budget of 20 pulls, an RNN policy trained by REINFORCE.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const LAL_ARMS = ['learned', 'uniform', 'successive_elimination'] as const;

export const lalSchema = Type.Object(
  {
    paper: paperKey('learning-to-actively-learn'),
    name: nameKey('5-armed best-arm identification, budget 20'),
    seed: seedKey(),
    problem: Block(
      {
        bandit_arms: Type.Integer({
          minimum: 2,
          maximum: 100,
          default: 5,
          description: 'Arms of the bandit; the task is to name the best after the budget is spent.',
        }),
        budget: Type.Integer({
          minimum: 1,
          maximum: 10_000,
          default: 20,
          description: 'Total pulls (queries) per episode.',
        }),
        noise: Type.Number({
          exclusiveMinimum: 0,
          maximum: 10,
          default: 1,
          description: "Standard deviation of each pull's Gaussian reward.",
        }),
        classes: Type.Integer({
          minimum: 1,
          maximum: 20,
          default: 4,
          description:
            'Equivalence classes of instances, by difficulty (the lower-bound complexity), each a range of gaps.',
        }),
      },
      { description: 'The adaptive data-collection problem.' },
    ),
    policy: Block(
      {
        hidden: Type.Integer({
          minimum: 1,
          maximum: 1024,
          default: 64,
          description: 'Hidden units of the recurrent policy, which reads the pulls so far.',
        }),
        rollouts: Type.Integer({
          minimum: 1,
          maximum: 100_000,
          default: 1000,
          description: 'Episodes simulated in parallel per policy update.',
        }),
        iterations: trainKeys.iterations(300),
        lr: trainKeys.lr(1e-3),
        adversary_lr: Type.Number({
          exclusiveMinimum: 0,
          maximum: 10,
          default: 0.1,
          description: "Step size of the adversary's distribution over classes (the robust objective).",
        }),
      },
      { description: 'The learned policy and its adversarial training (REINFORCE).' },
    ),
    arms: Type.Array(StringEnum(LAL_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...LAL_ARMS],
      description:
        '`learned`: the adversarially trained policy; `uniform`: equal pulls per arm; `successive_elimination`: the classical elimination algorithm.',
    }),
  },
  { additionalProperties: false },
);

export type LalConfig = Static<typeof lalSchema>;
