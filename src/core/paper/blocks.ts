/**
 * Schema-only papers: Paperlab checks their configs against the paper's own schema and rules but cannot
 * train them yet, because a training block they depend on does not exist. A definition names those
 * blocks in `needs` with the ids of the research notes (shared/papers/next-batches.md §3), so that
 * every message says the same thing in the same words, and whoever builds a block can grep its id to
 * find the papers it unlocks.
 */
import { isImplemented, type PaperEntry } from './types';

/** The blocks schema-only papers wait for: id (as in the notes) → what it is, a few words. */
export const TRAINING_BLOCKS = {
  ADV: 'adversarial attacks on a network (FGSM, PGD)',
  ATTENTION: 'a trainable attention layer (a one-block ViT on patches)',
  BO: 'a Bayesian-optimization loop (surrogates, expected improvement, test functions)',
  CL: 'continual-learning task streams (permuted or split tasks, accuracy matrix)',
  DETECT: 'detection pieces (digit canvases, per-cell objectness, focal loss, average precision)',
  FIXEDPOINT: 'damped fixed-point (operator-splitting) mean-field solvers',
  GEN: 'generative blocks (2-D toy densities, time-conditioned MLPs, interpolants, ODE/SDE samplers)',
  KD: 'distillation (teacher–student losses and relabelling)',
  LORA: 'low-rank adapters on a frozen network',
  META: 'differentiable unrolled inner loops without nested autodiff (hand-written MLP gradients)',
  NIW: 'episodic few-shot tasks with conjugate Normal-Inverse-Wishart updates',
  OOD: 'spurious-feature data and environments (ColoredMNIST, the IRMv1 penalty in closed form)',
  PINN: 'PDE residuals: the Laplacian of a tanh MLP as explicit tf ops, collocation samplers',
  REPARAM: 'weights computed in the forward pass: quantizers with straight-through gradients, oscillation counts',
  RL: 'a policy-gradient loop (batched rollouts, REINFORCE, adversarial instance distributions)',
  SCATTER2D: 'a 2-D scatter figure kind for samples on the dashboard',
  SEMI: 'a semi-supervised loop (labelled + unlabelled batches, pseudo-labels, augmentations, masking)',
  SPIN: 'binary units (mean-field pre-activations for binary weights, Glauber dynamics)',
  VRNN: 'variational RNN latents (Gaussian units with reparameterization, KL terms, error regression)',
} as const satisfies Record<string, string>;

export type TrainingBlock = keyof typeof TRAINING_BLOCKS;

/** A paper Paperlab can train: it has a definition and its definition needs no missing block. */
export function canTrain(p: PaperEntry | undefined): boolean {
  return !!p && isImplemented(p) && !p.needs;
}

/** The blocks a schema-only paper waits for, or none (a catalog-only paper has no definition to say). */
export function missingBlocks(p: PaperEntry | undefined): readonly TrainingBlock[] {
  return p && isImplemented(p) && p.needs ? p.needs : [];
}

/** "GEN (…) and PINN (…)": each block with what it is. */
export function describeBlocks(blocks: readonly TrainingBlock[]): string {
  const parts = blocks.map((b) => `${b} (${TRAINING_BLOCKS[b]})`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? '');
}

/**
 * What Run says for a schema-only paper, in the editor and the CLI alike; undefined for a paper that
 * trains or has no definition (that case has its own message).
 */
export function cannotTrainYet(p: PaperEntry | undefined): string | undefined {
  const blocks = missingBlocks(p);
  if (!blocks.length) return undefined;
  return `Paperlab checks this paper's configs but cannot train it yet: it needs ${describeBlocks(blocks)}.`;
}

/** Where a catalog paper stands: it trains, its configs are checked only, or Paperlab only knows its id. */
export type PaperStatus = 'runs' | 'schema-only' | 'catalog-only';

export function paperStatus(p: PaperEntry): PaperStatus {
  if (!isImplemented(p)) return 'catalog-only';
  return p.needs ? 'schema-only' : 'runs';
}

/** The status in a few words, for completion details, the schema's enum descriptions and pickers. */
export const STATUS_WORDS: Record<PaperStatus, string> = {
  runs: 'runs',
  'schema-only': 'configs checked, cannot train yet',
  'catalog-only': 'schema not available yet',
};
