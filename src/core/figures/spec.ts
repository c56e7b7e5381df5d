/**
 * A paper's figures, declared as data in the paper's own folder (`src/papers/<id>/index.ts`) and
 * drawn by the dashboard and the HTML report. Adding a paper adds its figures without touching the
 * webview. Imported by the webview: keep it free of imports.
 */

/** Where an axis value comes from in a run's events. */
export type AxisSource =
  /** `event.step` of metric events. */
  | { kind: 'step' }
  /** Seconds since the run started (`event.time / 1000`). */
  | { kind: 'time' }
  /** A tag of the event's series, e.g. `density`, `alpha`, `width`. */
  | { kind: 'tag'; tag: string }
  /** A value of the event, e.g. `test_acc`, `early_stop_iter`. */
  | { kind: 'value'; key: string };

export interface AxisSpec {
  source: AxisSource;
  label: string;
  scale: 'linear' | 'log';
  /** Multiply by 100 for display (fractions shown as %). */
  percent?: boolean;
  /** Draw the axis from high to low values, as papers plot "% weights remaining" (100 on the left). */
  reverse?: boolean;
  /**
   * A y axis of a `summary` figure: the value key that marks a point as only a lower bound (non-zero =
   * the measurement hit the end of training, e.g. an early stop at the last iteration). Such points are
   * drawn as ▲ and the caption should say what the triangle means.
   */
  lowerBoundIf?: string;
}

export interface FigureSpec {
  id: string;
  title: string;
  /** Which figure of the paper this mirrors, e.g. "Fig. 4a". */
  paperFigure?: string;
  caption?: string;
  /**
   * `curves`: metric events, one line per distinct combination of `lineBy` tags.
   * `summary`: summary events, one point per series, lines joining points that share `lineBy` tags.
   * `matrix`: summary events as a heatmap, one panel per distinct combination of `lineBy` tags: rows
   *   from `row`, columns from `x`, the cell's colour and number from `y[0]` (mean over seeds), e.g. a
   *   continual-learning accuracy matrix (row = task just learned, column = task evaluated).
   * `histogram`: metric events as samples of the `x` value, binned per distinct `lineBy` combination
   * (seeds pooled) and drawn as densities; see `histogram`.
   */
  kind: 'curves' | 'summary' | 'matrix' | 'histogram';
  x: AxisSpec;
  /** One or two y axes (the second is drawn on the right); for `matrix`, the cell value. */
  y: AxisSpec[];
  /** `matrix` figures only: where a cell's row comes from (its label and source; scale is ignored). */
  row?: AxisSpec;
  lineBy: string[];
  /** Ids of the paper's reference numbers drawn on this figure's axes. */
  references?: string[];
  /** Only series whose tags all equal these values are drawn (e.g. `{ arm: 'ticket' }`). */
  filter?: Record<string, string | number | boolean>;
  /**
   * `summary` figures: how to compute the summary values from a series' metric events when the series
   * has no summary event yet (a round still training, or a recipe that emits none). A summary event,
   * when present, always wins.
   */
  derive?: SummaryDerivation[];
  /**
   * `summary` figures: a power law y = a·x^slope fitted per line (least squares in log–log over the
   * points inside `window`, in the axes' source units), drawn as a dashed line labelled with its
   * slope and 95% interval — sample-complexity and width-scaling plots.
   */
  fit?: FitSpec;
  /** `histogram` figures: bins and the paper's predicted densities drawn over ours. */
  histogram?: HistogramSpec;
}

export interface FitSpec {
  model: 'power-law';
  window?: { x?: [number, number]; y?: [number, number] };
  /** What the slope means, for the legend: "slope" by default, e.g. "exponent of n". */
  label?: string;
}

export interface HistogramSpec {
  /** Number of equal-width bins over the shown range (default 40). */
  bins?: number;
  /**
   * The range binned: fixed, or `central` (default) = the pooled samples' 0.5–99.5% quantiles, so a
   * few heavy-tail draws do not squeeze every bin into one (they are counted as outside, and said so).
   */
  range?: [number, number] | 'central';
  /**
   * Densities drawn over each line's histogram, with parameters read from a summary event of the same
   * series (by key), e.g. the Student-t the paper predicts: `{ family: 'student_t', label: 'predicted',
   * params: { df: 't_df', scale: 't_scale' } }`.
   */
  overlays?: HistogramOverlay[];
}

export interface HistogramOverlay {
  family: 'normal' | 'student_t';
  label: string;
  /** Summary-value keys: `scale` (sd for normal), `loc` (default 0), `df` (student_t). */
  params: { scale: string; loc?: string; df?: string };
}

/** A summary value computed from one series' metric events. */
export type SummaryDerivation =
  /** Early stopping: `stepAs` = the step of minimum `loss`; each `values[as] = key` is read at that step. */
  | { kind: 'earlyStop'; loss: string; stepAs: string; values?: Record<string, string> }
  /** The last reported value of `key`, saved as `as`. */
  | { kind: 'last'; key: string; as: string };

/** A number the paper reports, drawn as a labelled mark beside ours. */
export interface ReferenceNumber {
  id: string;
  label: string;
  /** Position on the figure's axes, in the same units as the axes' sources (before `percent`). */
  x?: number;
  /**
   * Absolute y. Leave it out for a claim relative to our own runs (`relative`), or for a claim about
   * an x position only (drawn as a labelled vertical line at `x`).
   */
  y?: number;
  /** Which y axis of the figure (index into `FigureSpec.y`); 0 when absent. */
  axis?: number;
  /**
   * A claim relative to another series, drawn where the paper says our run should be given our own
   * baseline: y = (our value of the series matching `to`, at `atX` or else `x`) × `factor` + `offset`.
   * E.g. "at 21% the ticket stops 2.51× sooner than its reinitialised copy" →
   * `{ x: 0.211, relative: { to: { arm: 'random_reinit' }, factor: 1 / 2.51 } }`.
   */
  relative?: { to: Record<string, string | number>; atX?: number; factor?: number; offset?: number };
  /** Which series it should be compared with (tags), e.g. `{ arm: 'ticket' }`. */
  series?: Record<string, string | number>;
  /** Where the number comes from: paper section, table, figure or file. */
  source: string;
  /** False where the research notes could not confirm the number (drawn and labelled "unconfirmed"). */
  confirmed: boolean;
  /** How the paper's setting differs from ours, said plainly. */
  note?: string;
}
