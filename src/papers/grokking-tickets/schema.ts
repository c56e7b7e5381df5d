/**
 * Grokking Tickets (Minegishi et al.): modular arithmetic, an MLP, a dense run that groks, then a
 * magnitude-pruned ticket from the generalized network, reset to init and retrained.
 * Keys follow the official code (gouki510/Grokking-Tickets, config/config.py, config/config_pruning.py)
 * but with names that cannot be misread: the code's `sparsity` is the fraction KEPT, so here it is
 * `prune.density`.
 * Training is full batch (911 pairs at p = 67 with the paper's train_fraction 0.4; 1,367 with our 0.6), so one iteration is
 * one epoch; the paper's config.py trains 10,000 epochs.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, INITS, nameKey, paperKey, seedKey, trainKeys } from '../common/schema';

export const GROK_CONTROLS = [
  'random_mask',
  'norm_matched_dense',
  'norm_matched_dense_l1',
  'ticket_no_weight_decay',
] as const;

export const grokkingTicketsSchema = Type.Object(
  {
    paper: paperKey('grokking-tickets'),
    name: nameKey('modular addition, grokking ticket'),
    seed: seedKey(),
    data: Block(
      {
        task: StringEnum(['modular_addition', 'modular_subtraction'] as const, {
          default: 'modular_addition',
          description: 'The operation to learn: (a + b) mod p or (a − b) mod p (config.py `fn`: add, subtract).',
        }),
        modulus: Type.Integer({
          minimum: 3,
          maximum: 499,
          default: 67,
          description: 'The modulus p; inputs a, b ∈ {0, …, p−1}, p classes. The paper uses the prime 67.',
        }),
        train_fraction: Type.Number({
          exclusiveMinimum: 0,
          exclusiveMaximum: 1,
          default: 0.6,
          description:
            'Fraction of all (a, b) pairs used for training; the rest is the test set (config.py `frac_train`).',
        }),
        symmetric: Type.Boolean({
          default: true,
          description:
            'Use only pairs with a ≤ b (p(p+1)/2 pairs: 2,278 at p = 67), as the code does (`is_symmetric_input`). Addition is symmetric; subtraction is not.',
        }),
      },
      { description: 'The synthetic task, generated from the seed: nothing to download.' },
    ),
    model: Block(
      {
        arch: StringEnum(['only_mlp', 'mlp'] as const, {
          default: 'only_mlp',
          description:
            "`only_mlp`: the code's `OnlyMLP` (model.py): a and b embedded, the same input projection applied to each and summed, ReLU, then linear layers back to the embedding width and to the p classes; no biases. `mlp`: the two embeddings concatenated, then fully connected layers with biases.",
        }),
        embedding_dim: Type.Integer({
          minimum: 1,
          maximum: 4096,
          default: 128,
          description: 'Width of each input embedding (config.py `d_emb`).',
        }),
        hidden: Type.Array(Type.Integer({ minimum: 1, maximum: 4096 }), {
          minItems: 1,
          maxItems: 8,
          default: [48],
          description: 'Units of each hidden layer after the embeddings (config.py `d_model`).',
        }),
        init: StringEnum(INITS, {
          default: 'lecun_normal',
          description:
            'Weight initialisation. The code draws every matrix from N(0, (weight_scale/√fan_in)²) (model.py); `lecun_normal` is that, truncated at 2σ.',
        }),
        weight_scale: Type.Number({
          exclusiveMinimum: 0,
          maximum: 100,
          default: 1,
          description: 'Multiplier on the initial weights (config.py `weight_scale`): larger scales delay grokking.',
        }),
      },
      { description: 'The network that groks and is pruned.' },
    ),
    train: Block(
      {
        optimizer: trainKeys.optimizer('adamw'),
        lr: trainKeys.lr(1e-3),
        weight_decay: trainKeys.weightDecay(1),
        l1_penalty: Type.Number({
          minimum: 0,
          maximum: 10,
          default: 0,
          description:
            "An L1 penalty added to the DENSE run's loss: l1_penalty × the mean over weight matrices of their L1 norm (the official code's train.py adds `lp_alpha · lp_reg(model, lp)` with lp 1, lp_alpha 0.003; its retraining of tickets in prune.py adds none, and neither does this one). 0 = none.",
        }),
        iterations: Type.Integer({
          minimum: 1,
          maximum: 1_000_000,
          default: 7000,
          description: 'Full-batch steps of the dense run and of each ticket (one step = one epoch here).',
        }),
        eval_every: trainKeys.evalEvery(100),
      },
      { description: 'Full-batch training, the same for the dense run and every ticket.' },
    ),
    prune: Block(
      {
        method: StringEnum(['magnitude'] as const, {
          default: 'magnitude',
          description:
            "`magnitude`: keep the largest weights of the trained dense net (the grokking ticket; config_pruning.py `pruner: mag`). A random mask of the same density (the code's `pruner: rand`) is the `random_mask` control, trained beside the ticket.",
        }),
        density: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.4,
          description:
            'Fraction of weights KEPT in the ticket (0.4 = keep 40%, prune 60%). The code calls this `sparsity` and its CLI flag `--prune_rate`: both are the kept fraction.',
        }),
        scope: StringEnum(['global', 'layerwise'] as const, {
          default: 'layerwise',
          description:
            "Rank weights across all layers (`global`) or within each layer (`layerwise`; the code's `local`).",
        }),
        mask_from: StringEnum(['generalized', 'final', 'iteration'] as const, {
          default: 'final',
          description:
            "Which dense checkpoint the mask comes from. `generalized`: the first evaluation with test accuracy ≥ `generalized_accuracy`. `final`: the end of the dense run (the code's `checkpoint: final`). `iteration`: `mask_iteration`.",
        }),
        mask_iteration: Type.Optional(
          Type.Integer({
            minimum: 0,
            description: "With `mask_from: iteration`: the dense run's iteration whose weights give the mask.",
          }),
        ),
        generalized_accuracy: Type.Number({
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.99,
          description: 'Test accuracy that counts as "generalized" (the paper: perfect generalization).',
        }),
        reinitialize: Type.Boolean({
          default: true,
          description:
            'Reset the kept weights to their initial values before retraining (the lottery-ticket reset; config_pruning.py `reinitialize`).',
        }),
      },
      { description: 'How the grokking ticket is taken from the dense run.' },
    ),
    controls: Type.Array(StringEnum(GROK_CONTROLS, { description: 'A control arm.' }), {
      uniqueItems: true,
      default: ['random_mask', 'norm_matched_dense', 'norm_matched_dense_l1', 'ticket_no_weight_decay'],
      description:
        "Arms trained beside the ticket (the dense run is always there). `random_mask`: same density, random mask at init. `norm_matched_dense`: the dense θ0 rescaled to the ticket's initial L2 norm; `norm_matched_dense_l1`: to its L1 norm (the code's `weight_ratio`, one factor for every matrix; norms summed over matrices as its get_weight_norm does). `ticket_no_weight_decay`: the ticket retrained with weight_decay 0.",
    }),
  },
  { additionalProperties: false, required: ['paper'], description: 'A grokking-tickets experiment.' },
);

export type GrokkingTicketsConfig = Static<typeof grokkingTicketsSchema>;
