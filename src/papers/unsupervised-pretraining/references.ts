/**
 * The paper gives rates, not measured values (its experiments could not be read): the abstract's
 * O(C_Ψ/n) for the pretrained model means the excess risk falls as 1/n in n once m ≫ n. Drawn as a
 * mark relative to our own pretrained line: at n = 500 a tenth of its value at n = 50.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT = 'Ge et al. 2024, abstract: excess risk O(C_Φ/m + C_Ψ/n)';

export const references: ReferenceNumber[] = [
  {
    id: 'up-rate-n',
    label: 'pretrained excess risk ∝ 1/n: at n = 500, a tenth of its value at n = 50',
    x: 500,
    relative: { to: { arm: 'pretrain' }, atX: 50, factor: 0.1 },
    series: { arm: 'pretrain' },
    source: ABSTRACT,
    confirmed: true,
    note: 'A rate from an upper bound (constants unknown), placed from our own n = 50 point; it holds only while the C_Φ/m term is small.',
  },
  {
    id: 'up-rate-m',
    label: 'the pretraining term ∝ 1/m: at m = 1,000, a tenth of its value at m = 100',
    x: 1000,
    relative: { to: { arm: 'pretrain' }, atX: 100, factor: 0.1 },
    series: { arm: 'pretrain' },
    source: ABSTRACT,
    confirmed: true,
    note: 'A rate from an upper bound, placed from our own m = 100 point; at fixed n the C_Ψ/n term is a floor under it.',
  },
];
