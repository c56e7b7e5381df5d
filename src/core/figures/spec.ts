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
   */
  kind: 'curves' | 'summary';
  x: AxisSpec;
  /** One or two y axes (the second is drawn on the right). */
  y: AxisSpec[];
  lineBy: string[];
  /** Ids of the paper's reference numbers drawn on this figure's axes. */
  references?: string[];
}

/** A number the paper reports, drawn as a labelled mark beside ours. */
export interface ReferenceNumber {
  id: string;
  label: string;
  /** Position on the figure's axes, in the same units as the axes' sources (before `percent`). */
  x?: number;
  y: number;
  /** Which series it should be compared with (tags), e.g. `{ arm: 'ticket' }`. */
  series?: Record<string, string | number>;
  /** Where the number comes from: paper section, table, figure or file. */
  source: string;
  /** False where the research notes could not confirm the number (drawn and labelled "unconfirmed"). */
  confirmed: boolean;
  /** How the paper's setting differs from ours, said plainly. */
  note?: string;
}
