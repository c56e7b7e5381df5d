/**
 * `paper: adversarial-adaptive-sampling` (Tang, Zhai, Wan & Yang, "Adversarial Adaptive Sampling: Unify PINN
 * and Optimal Transport for the Approximation of PDEs", ICLR 2024). A PINN u_θ and a generative model of the
 * collocation points play a min-max game: the generator moves points to where the residual is large, so that
 * the residual profile flattens. The small setting is the research notes' (next-batches.md B15): a 2-D
 * Poisson problem with a sharp peak, a tanh MLP, and a Gaussian-mixture sampler standing in for KRnet.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const AAS_ARMS = ['aas', 'residual_resampling', 'uniform'] as const;

export const aasSchema = Type.Object(
  {
    paper: paperKey('adversarial-adaptive-sampling'),
    name: nameKey('2-D Poisson, sharp peak: AAS vs uniform'),
    seed: seedKey(),
    pde: Block(
      {
        problem: StringEnum(['poisson_peak'] as const, {
          default: 'poisson_peak',
          description:
            '−Δu = f on [−1, 1]² with the exact solution u = exp(−sharpness·(x² + y²)) and its boundary values.',
        }),
        sharpness: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1e5,
          default: 1000,
          description: 'How narrow the peak is: its width is about 1/√sharpness.',
        }),
      },
      { description: 'The PDE and its exact solution (for the relative L2 error).' },
    ),
    model: Block(
      {
        hidden: Type.Array(Type.Integer({ minimum: 1, maximum: 1024 }), {
          minItems: 1,
          maxItems: 8,
          default: [32, 32, 32],
          description: 'Hidden widths of the PINN (input (x, y), output u).',
        }),
        activation: StringEnum(['tanh', 'sin', 'relu'] as const, {
          default: 'tanh',
          description: 'Nonlinearity; the residual needs its second derivative.',
        }),
      },
      { description: 'The network approximating u.' },
    ),
    collocation: Block(
      {
        interior: Type.Integer({
          minimum: 10,
          maximum: 100_000,
          default: 1000,
          description: 'Collocation points inside the domain (the training set of the residual).',
        }),
        boundary: Type.Integer({
          minimum: 4,
          maximum: 10_000,
          default: 200,
          description: 'Points on the boundary for the boundary loss.',
        }),
        resample_every: Type.Integer({
          minimum: 1,
          maximum: 1_000_000,
          default: 500,
          description: "Steps between updates of the adaptive samplers' points.",
        }),
        mixture_components: Type.Integer({
          minimum: 1,
          maximum: 64,
          default: 8,
          description: 'Gaussians of the generative sampler (our stand-in for KRnet).',
        }),
      },
      { description: 'Where the residual is evaluated, and how the points move.' },
    ),
    train: Block(
      {
        optimizer: trainKeys.optimizer('adam'),
        lr: trainKeys.lr(1e-3),
        iterations: trainKeys.iterations(5000),
        eval_every: trainKeys.evalEvery(250),
        boundary_weight: Type.Number({
          minimum: 0,
          maximum: 1e4,
          default: 1,
          description: 'Weight of the boundary loss beside the residual loss.',
        }),
      },
      { description: 'Training of the PINN (and of the sampler, for `aas`).' },
    ),
    arms: Type.Array(StringEnum(AAS_ARMS, { description: 'An arm.' }), {
      minItems: 1,
      uniqueItems: true,
      default: [...AAS_ARMS],
      description:
        '`aas`: adversarial generative sampler; `residual_resampling`: redraw points in proportion to the residual; `uniform`: fixed uniform points.',
    }),
  },
  { additionalProperties: false },
);

export type AasConfig = Static<typeof aasSchema>;
