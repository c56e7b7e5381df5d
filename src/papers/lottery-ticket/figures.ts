/** The paper's figures for the dashboard (filled by the dashboard work; see src/core/figures/spec.ts). */
import type { FigureSpec } from '../../core/figures/spec';

export const lotteryFigures: FigureSpec[] = [];
