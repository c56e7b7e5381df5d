/** The paper's reported numbers drawn beside ours (the dashboard work fills this; see src/core/figures/spec.ts). */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [];
