/** The paper's reported numbers drawn beside ours (filled by the dashboard work; see src/core/figures/spec.ts). */
import type { ReferenceNumber } from '../../core/figures/spec';

export const lotteryReferences: ReferenceNumber[] = [];
