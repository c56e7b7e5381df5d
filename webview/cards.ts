/**
 * The card for a figure: Chart.js charts for `curves` and `summary`, heatmap tables for `matrix`.
 * Both have the same surface (root, plan, refresh, destroy, drawn), so the dashboard lays them out alike.
 */
import type { ChartPlan } from './model';
import { ChartCard, type CardContext } from './card';
import { MatrixCard } from './matrixCard';

export type Card = ChartCard | MatrixCard;

export function cardFor(plan: ChartPlan, ctx: CardContext): Card {
  return plan.spec.kind === 'matrix' ? new MatrixCard(plan, ctx) : new ChartCard(plan, ctx);
}
