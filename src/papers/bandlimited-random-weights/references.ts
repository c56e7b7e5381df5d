/**
 * The paper's numbers could not be read (its figures are 1-D simulations; the notes found no code). What
 * it states in the abstract is qualitative: bounded hidden parameters may not reach zero error, and the
 * right assignment depends on the target's complexity. Drawn as a relative mark: on the high-frequency
 * target, a narrow band's error at the largest width stays where it was at a quarter of that width.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'bl-floor',
    label: 'a narrow band (λ = 1) does not improve with width: error at d = 800 ≈ error at d = 200',
    x: 800,
    relative: { to: { bandwidth: 1 }, atX: 200 },
    series: { bandwidth: 1 },
    source: 'Li et al. 2023, abstract ("the network may not achieve zero approximation error")',
    confirmed: false,
    note: 'Our reading of the abstract as a mark (no value from the paper): a floor means the λ = 1 line stays flat.',
  },
];
