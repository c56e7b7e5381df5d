/**
 * The research notes could not confirm the paper's per-table accuracies (§2(c): "Per-table accuracies ✗");
 * the abstract's claim is qualitative: for structured pruning with a predefined target architecture,
 * fine-tuning gives "comparable or worse performance" than training the small model from scratch.
 * We draw that claim where it lands on OUR runs: at each ratio, Scratch-B should be at or above our
 * fine-tuned accuracy. Unconfirmed (a direction, not a number), and labelled so.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

const SRC = 'Liu et al. 2019, abstract; Eric-mingjie/rethinking-network-pruning README (notes §2(c))';
const NOTE =
  'The paper measures CIFAR-10/ImageNet conv nets; the claim is drawn at our fine-tuned accuracy, not a value from the paper.';

export const references: ReferenceNumber[] = [0.5, 0.75].map((ratio) => ({
  id: `rp-scratch-b-matches-finetune-${ratio}`,
  label: `paper: Scratch-B ≥ fine-tuned (${ratio * 100}% of units pruned)`,
  x: ratio,
  relative: { to: { arm: 'finetune' }, atX: ratio, factor: 1 },
  series: { arm: 'scratch_b' },
  source: SRC,
  confirmed: false,
  note: NOTE,
}));
