/**
 * `paper: hierarchical-bayes-fewshot` (Kim & Hospedales, "A Hierarchical Bayesian Model for Deep Few-Shot Meta
 * Learning", 2023; NIW-Meta). A Normal-Inverse-Wishart global variable governs episode-wise local variables
 * whose posteriors have approximate closed forms, so each episode is a one-time iterate and no inner-loop
 * graph is kept (unlike MAML). Keys follow the official README's command line (minyoungkim21/niwmeta):
 * `--n0_init`, `--gam0_init`, `--steps`, `--burnin`, `--alp`, `--nsamps_test`, `--nSupport`; the task is
 * the README's SineLine regression, as the research notes plan (next-batches.md B7).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const NIW_ARMS = ['niw', 'fomaml'] as const;

export const niwSchema = Type.Object(
  {
    paper: paperKey('hierarchical-bayes-fewshot'),
    name: nameKey('sineline 5-shot: NIW-Meta vs first-order MAML'),
    seed: seedKey(),
    task: Block(
      {
        family: StringEnum(['sineline', 'sine'] as const, {
          default: 'sineline',
          description:
            "`sineline`: each episode is a random sine or a random line (the README's SineLine); `sine`: sines only.",
        }),
        shots: Type.Integer({
          minimum: 1,
          maximum: 100,
          default: 5,
          description: 'Support points per episode (`--nSupport`).',
        }),
        queries: Type.Integer({
          minimum: 1,
          maximum: 1000,
          default: 10,
          description: 'Query points per episode, on which the loss is measured.',
        }),
        noise: Type.Number({
          minimum: 0,
          maximum: 5,
          default: 0.3,
          description: 'Standard deviation of the noise on each target.',
        }),
      },
      { description: 'Few-shot regression episodes on x ∈ [−5, 5].' },
    ),
    model: Block(
      {
        hidden: Type.Array(Type.Integer({ minimum: 1, maximum: 1024 }), {
          minItems: 1,
          maxItems: 4,
          default: [40, 40],
          description: 'Hidden widths of the regression network.',
        }),
      },
      { description: 'The network whose weights the NIW prior is over.' },
    ),
    niw: Block(
      {
        n0_init: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1e6,
          default: 1,
          description: 'Initial NIW degrees-of-freedom-like strength n₀ (`--n0_init`).',
        }),
        gam0_init: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1e12,
          default: 1e6,
          description: 'Initial NIW precision scale γ₀ (`--gam0_init`).',
        }),
        steps: Type.Integer({
          minimum: 1,
          maximum: 100,
          default: 3,
          description: "Gradient steps that approximate each episode's local posterior (`--steps`).",
        }),
        burnin: Type.Integer({
          minimum: 0,
          maximum: 1_000_000,
          default: 0,
          description: 'Episodes before the global NIW variable is updated (`--burnin`).',
        }),
        alp: Type.Number({
          minimum: 0,
          maximum: 1,
          default: 1e-6,
          description: 'Regularization weight α of the local KL term (`--alp`).',
        }),
        nsamps_test: Type.Integer({
          minimum: 1,
          maximum: 100,
          default: 2,
          description: 'Posterior samples averaged at test time (`--nsamps_test`).',
        }),
      },
      { description: 'NIW-Meta.' },
    ),
    meta: Block(
      {
        episodes: trainKeys.iterations(5000),
        meta_batch: Type.Integer({ minimum: 1, maximum: 256, default: 4, description: 'Episodes per outer update.' }),
        lr: trainKeys.lr(1e-3),
        eval_every: trainKeys.evalEvery(500),
      },
      { description: 'Meta-training over episodes.' },
    ),
    fomaml: Block(
      {
        inner_lr: Type.Number({
          exclusiveMinimum: 0,
          maximum: 10,
          default: 0.01,
          description: 'Inner-loop step size of first-order MAML.',
        }),
        inner_steps: Type.Integer({
          minimum: 1,
          maximum: 100,
          default: 5,
          description: 'Inner-loop steps of first-order MAML.',
        }),
      },
      { description: 'The baseline (first-order: tfjs cannot take the second-order gradient MAML needs).' },
    ),
    arms: Type.Array(StringEnum(NIW_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...NIW_ARMS],
      description: '`niw`: NIW-Meta; `fomaml`: first-order MAML.',
    }),
  },
  { additionalProperties: false },
);

export type NiwConfig = Static<typeof niwSchema>;
