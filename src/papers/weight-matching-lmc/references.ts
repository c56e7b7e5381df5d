/**
 * The research notes could not confirm any number of Ito et al. (§9(c): "Numbers ✗"); what they
 * report are directions. The one number-like claim we draw is git re-basin's: after weight matching,
 * MNIST MLPs are linearly connected with (close to) zero loss barrier. Unconfirmed, and labelled so.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'wm-permuted-barrier-zero',
    label: "permuted path: ≈ zero barrier (end points' chord)",
    x: 0.5,
    relative: { to: { arm: 'permuted' }, atX: 0, factor: 1 },
    series: { arm: 'permuted' },
    source:
      'Ainsworth, Hayase, Srinivasa, "Git Re-Basin" (ICLR 2023), Fig. 2 (MNIST MLP, weight matching); Ito et al. abstract',
    confirmed: false,
    note: "Read off a figure, not a table; their MLP is 512-512-512 trained 100 epochs on 60k digits. Drawn at the permuted path's λ = 0 loss: a flat path sits on it.",
  },
  {
    id: 'wm-distance-barely-reduced',
    label: 'matching reduces L2 distance only a little (ratio close to 1)',
    y: 1,
    source: 'Ito et al., abstract / notes §9(c): "WM does NOT much reduce L2 distance"',
    confirmed: false,
    note: "A direction, not a number: the paper's ratios could not be confirmed. The line marks ratio = 1 (no reduction).",
  },
];
