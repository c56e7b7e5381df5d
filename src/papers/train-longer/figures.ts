/** The paper's figures for the dashboard (the dashboard work fills this; see src/core/figures/spec.ts). */
import type { FigureSpec } from '../../core/figures/spec';

export const figures: FigureSpec[] = [];
