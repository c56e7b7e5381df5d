/**
 * The vocabulary every layer shares for "something is wrong with this config":
 * positions are 0-based (line, character) like VS Code's and LSP's, so the host maps them 1:1
 * and the CLI adds 1 when it prints.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A quick fix: a titled set of edits to the same document. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix to offer first (VS Code's `isPreferred`). */
  preferred?: boolean;
}

export interface Finding {
  severity: Severity;
  /** Stable identifier, e.g. `schema/type`, `lottery-ticket/rewind-after-end`. Shown and filterable. */
  code: string;
  /** What is wrong and what to do, in the researcher's words. */
  message: string;
  range: Range;
  /** Where the rule comes from: a paper section or a file of the paper's code. */
  source?: string;
  fixes?: Fix[];
}
