/**
 * The paper's results are bounds (abstract): CNN O(k + d), LCN Ω(kd) and O(k(k + d)), FCN Ω(k²d), for
 * orthogonally equivariant algorithms such as gradient descent. Constants are not given, so the mark is
 * the ordering at the largest k, placed on our own LCN line.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'lws-order',
    label: 'ordering CNN < LCN < FCN in samples needed (bounds O(k + d) < Ω(kd) ≤ … < Ω(k²d))',
    x: 16,
    relative: { to: { arm: 'lcn' } },
    series: { arm: 'lcn' },
    source: 'Lahoti et al. 2024, abstract (sample-complexity bounds)',
    confirmed: true,
    note: 'Bounds without constants: only the order of the lines and how fast they grow in k are comparable, not their values.',
  },
];
