/**
 * `paper: stochastic-interpolants` (Albergo, Boffi & Vanden-Eijnden, "Stochastic Interpolants: A Unifying
 * Framework for Flows and Diffusions", 2023). The interpolant x_t = α(t)·x₀ + β(t)·x₁ + γ(t)·z between a
 * base density (x₀) and a target (x₁); a velocity b(t, x) and a score s(t, x) are fitted by quadratic
 * objectives, then samples are drawn with the probability-flow ODE or an SDE of diffusion level ε. The
 * small setting is the research notes' (next-batches.md B18): Gaussian → 2-D checkerboard, 3×128 MLP.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const INTERPOLANT_ARMS = ['ode', 'sde'] as const;

export const interpolantsSchema = Type.Object(
  {
    paper: paperKey('stochastic-interpolants'),
    name: nameKey('gaussian → checkerboard: ODE vs SDE'),
    seed: seedKey(),
    data: Block(
      {
        target: StringEnum(['checkerboard', 'two_moons', 'eight_gaussians'] as const, {
          default: 'checkerboard',
          description: 'The 2-D target density x₁.',
        }),
        base: StringEnum(['gaussian'] as const, {
          default: 'gaussian',
          description: 'The base density x₀: a standard 2-D Gaussian.',
        }),
        eval_samples: Type.Integer({
          minimum: 100,
          maximum: 100_000,
          default: 5000,
          description: 'Samples drawn from each sampler and from the target to measure their energy distance.',
        }),
      },
      { description: 'Base and target densities, generated from the seed.' },
    ),
    model: Block(
      {
        hidden: Type.Array(Type.Integer({ minimum: 1, maximum: 2048 }), {
          minItems: 1,
          maxItems: 8,
          default: [128, 128, 128],
          description: 'Hidden widths of the time-conditioned MLPs (input (t, x), output a 2-D field).',
        }),
      },
      { description: 'The networks for the velocity b and the score s.' },
    ),
    interpolant: Block(
      {
        path: StringEnum(['linear', 'trig'] as const, {
          default: 'linear',
          description: '`linear`: α = 1 − t, β = t; `trig`: α = cos(πt/2), β = sin(πt/2).',
        }),
        gamma_scale: Type.Number({
          minimum: 0,
          maximum: 10,
          default: 1,
          description:
            'a in γ(t) = √(a·t(1 − t)), the latent noise of the bridge; 0 gives a deterministic interpolant.',
        }),
        t_clip: Type.Number({
          minimum: 0,
          exclusiveMaximum: 0.5,
          default: 0.001,
          description: 'Times are drawn from [t_clip, 1 − t_clip], where γ > 0 keeps the score finite.',
        }),
      },
      { description: 'The stochastic interpolant between base and target.' },
    ),
    train: Block(
      {
        optimizer: trainKeys.optimizer('adam'),
        lr: trainKeys.lr(1e-3),
        batch_size: trainKeys.batchSize(512),
        iterations: trainKeys.iterations(5000),
        eval_every: trainKeys.evalEvery(500),
      },
      { description: 'Fitting b and s by their quadratic objectives.' },
    ),
    sampler: Block(
      {
        steps: Type.Integer({
          minimum: 1,
          maximum: 10_000,
          default: 200,
          description: 'Integration steps from t = 0 to 1 (Heun for the ODE, Euler–Maruyama for the SDE).',
        }),
        epsilons: Type.Array(Type.Number({ exclusiveMinimum: 0, maximum: 10 }), {
          minItems: 1,
          maxItems: 8,
          default: [0.5, 1],
          description: 'Diffusion levels ε of the SDE arm (drift b + ε·s).',
        }),
      },
      { description: 'How samples are generated.' },
    ),
    arms: Type.Array(StringEnum(INTERPOLANT_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...INTERPOLANT_ARMS],
      description: '`ode`: probability-flow ODE with b; `sde`: SDE with b + ε·s, one line per ε.',
    }),
  },
  { additionalProperties: false },
);

export type InterpolantsConfig = Static<typeof interpolantsSchema>;
