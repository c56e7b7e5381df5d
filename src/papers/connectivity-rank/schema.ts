/**
 * `paper: connectivity-rank` (Liu, Baratin, Cornford, Mihalas, Shea-Brown, Lajoie, "How connectivity
 * structure shapes rich and lazy learning in neural circuits", ICLR 2024). A rate RNN without biases
 * (the official code's CTRNN, BioRNN_RichLazy main.py) learns a two-alternative forced-choice task from
 * recurrent weights W₀ = g·N(0, 1)/√N truncated to rank r and rescaled to the full matrix's Frobenius
 * norm (main.py L274–279); the laziness measures are the code's: ‖ΔW_rec‖_F, tangent-kernel alignment
 * cos(K₀, K_T) and representation alignment at the decision step. Sizes are ours (N = 100, 2,000
 * iterations against the code's 300 and 10,000).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, nameKey, paperKey, seedKey } from '../common/schema';

export const ConnectivityRankSchema = Type.Object(
  {
    paper: paperKey('connectivity-rank'),
    name: nameKey('RNN rank sweep, 2AF'),
    seed: seedKey(),
    model: Block(
      {
        hidden: Type.Integer({
          minimum: 2,
          maximum: 300,
          default: 100,
          description: 'Recurrent units N (the code: 300).',
        }),
        gain: Type.Number({
          exclusiveMinimum: 0,
          maximum: 5,
          default: 1.25,
          description: 'g in W₀ = g·N(0, 1)/√N, the full-rank draw every rank is truncated from (the code: 1.25).',
        }),
        ranks: Type.Array(Type.Integer({ minimum: 1, maximum: 300 }), {
          minItems: 1,
          default: [1, 10, 30, 100],
          description:
            'Ranks r of the initial recurrent weights: W₀ truncated to its top r singular directions and rescaled to ‖W₀‖_F (r = N: W₀ itself).',
        }),
        aligned: Type.Boolean({
          default: true,
          description:
            "Also train a rank-1 W₀ aligned with the task: ‖W₀‖_F·u vᵀ with v the input's evidence direction and u the readout's choice direction (our construction).",
        }),
        alpha: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 1,
          description: 'dt/τ of the leaky update h ← (1 − α)h + α·relu-input (the code: dt = τ = 100 ms, α = 1).',
        }),
      },
      { description: 'The rate RNN and its initial connectivity.' },
    ),
    task: Block(
      {
        stimulus_steps: Type.Integer({
          minimum: 1,
          maximum: 50,
          default: 7,
          description: 'Steps of evidence before the one decision step (the code: 700 ms at dt = 100 ms, so 7).',
        }),
        noise: Type.Number({
          minimum: 0,
          maximum: 2,
          default: 0.1,
          description: "Gaussian noise on each evidence channel per step (neurogym's σ = 1/√dt = 0.1).",
        }),
        batch_size: Type.Integer({
          minimum: 1,
          maximum: 512,
          default: 32,
          description: 'Trials per training step (the code: 32).',
        }),
      },
      { description: 'Two-alternative forced choice (neurogym PerceptualDecisionMaking-v0 timing of the code).' },
    ),
    train: Block(
      {
        iterations: Type.Integer({
          minimum: 1,
          maximum: 100_000,
          default: 2000,
          description: 'SGD steps per rank (the code: 10,000).',
        }),
        lr: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.003,
          description: 'Learning rate of SGD with momentum (the code: 0.003).',
        }),
        momentum: Type.Number({
          minimum: 0,
          maximum: 0.999,
          default: 0.9,
          description: 'SGD momentum (the code: 0.9).',
        }),
        eval_every: Type.Integer({
          minimum: 1,
          maximum: 100_000,
          default: 100,
          description: 'Steps between points of the loss curve (mean training loss since the last point).',
        }),
      },
      { description: 'Cross-entropy over every time step, SGD with momentum on all three weight matrices.' },
    ),
    probe: Block(
      {
        trials: Type.Integer({
          minimum: 2,
          maximum: 2000,
          default: 320,
          description:
            'Fixed trials for representation alignment, sign similarity and decision accuracy (the code: 10 batches = 320).',
        }),
        kernel_trials: Type.Integer({
          minimum: 1,
          maximum: 256,
          default: 32,
          description:
            'Trials (the first of the probe trials) whose outputs at every step form the tangent kernel w.r.t. W_rec (the code: one batch, 32).',
        }),
      },
      { description: 'Laziness measures taken before and after training.' },
    ),
  },
  {
    additionalProperties: false,
    required: ['paper'],
    description: 'Rich vs lazy learning against the rank of the initial recurrent connectivity.',
  },
);

export type ConnectivityRankConfig = Static<typeof ConnectivityRankSchema>;
