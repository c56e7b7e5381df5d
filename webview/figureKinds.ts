/**
 * Drawing for the figure kinds beyond plain lines, kept out of chartView.ts: a histogram's bars
 * (stepped, filled lines) with the paper's predicted densities over them, and the power-law fits of
 * a summary figure (dashed segments whose legend entry gives the slope and its 95% interval).
 */
import type { ChartDataset } from 'chart.js';
import type { FigureData, FigureLine } from '../src/core/figures/build';
import { withAlpha } from './theme';

type XY = { x: number; y: number };
type LineDataset = ChartDataset<'line', XY[]>;

/** One dash per predicted density of a histogram (the paper's law, a comparison law, …). */
const OVERLAY_DASHES = [
  [7, 3],
  [2, 3],
  [12, 4, 2, 4],
];

/** Dataset options for a line drawn as something other than a plain line (histogram bars, overlays). */
export function lineKindStyle(line: FigureLine, colour: string): Partial<LineDataset> {
  if (line.style === 'stepped')
    return {
      stepped: 'after',
      fill: 'origin',
      backgroundColor: withAlpha(colour, 0.22),
      borderWidth: 1.5,
      borderDash: [],
      pointRadius: 0,
    };
  if (line.style === 'overlay')
    return {
      borderWidth: 2.5,
      borderDash: OVERLAY_DASHES[(line.variant ?? 0) % OVERLAY_DASHES.length],
      pointRadius: 0,
      fill: false,
    };
  return {};
}

/** The fitted power laws, one dashed two-point line per fit, in the colour of the line it fits. */
export function fitDatasets(fig: FigureData, colourOf: (lineKey: string) => string | undefined): LineDataset[] {
  return (fig.fits ?? []).map((f) => ({
    label: `fit · ${f.label}`,
    data: f.points,
    yAxisID: 'y',
    borderColor: colourOf(f.lineKey) ?? '#888888',
    backgroundColor: colourOf(f.lineKey) ?? '#888888',
    borderDash: [2, 3],
    borderWidth: 1.5,
    pointRadius: 0,
    tension: 0,
    fill: false,
  }));
}
