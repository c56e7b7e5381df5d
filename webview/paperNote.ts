/**
 * "How these runs differ from the paper", built from the runs shown rather than from the example: each
 * key the paper states a value for (its definition's `paperSetting`, sent as `PaperView.setting`) where
 * the selected runs all use another value, and the keys where the selected runs disagree among
 * themselves. The paper's prose `scaleNote` describes the example config; it is kept, labelled as such.
 * Pure: the board renders the result.
 */
import type { PaperView, RunInfo } from '../src/core/protocol/dashboard';

export interface PaperNote {
  /** "train.iterations 300 (paper 50000)": every run shown has this value, the paper another. */
  departures: string[];
  /** "train.iterations: 300, 1500 (paper 50000)": the runs shown disagree here. */
  varying: string[];
  /** Whether the runs carried their settings (a report from an older version does not). */
  known: boolean;
}

export function paperNote(paper: PaperView, runs: readonly RunInfo[]): PaperNote {
  const withSetting = runs.filter((r) => r.setting !== undefined);
  const known = withSetting.length > 0 && paper.setting !== undefined;
  const departures: string[] = [];
  const varying: string[] = [];
  if (!known) return { departures, varying, known };
  const paperValue = new Map((paper.setting ?? []).map((s) => [s.key, s.paper]));
  const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => v !== undefined))];
  for (const { key, paper: theirs } of paper.setting ?? []) {
    const ours = distinct(withSetting.map((r) => r.setting?.[key]));
    if (ours.length === 1 && ours[0] !== theirs) departures.push(`${key} ${ours[0]} (paper ${theirs})`);
    else if (ours.length > 1) varying.push(`${key}: ${ours.join(', ')} (paper ${theirs})`);
  }
  // The run list's key settings (rounds, rate, …) the paper may state no value for.
  const labels = distinct(runs.flatMap((r) => Object.keys(r.settings)));
  for (const label of labels) {
    if (paperValue.has(label)) continue;
    const ours = distinct(runs.map((r) => r.settings[label]));
    if (ours.length > 1) varying.push(`${label}: ${ours.join(', ')}`);
  }
  return { departures, varying, known };
}

/** The header's sentences for one paper, plainest first. */
export function paperNoteText(paper: PaperView, runs: readonly RunInfo[]): string[] {
  const n = paperNote(paper, runs);
  if (!n.known)
    return [`How the example differs from the paper (the runs shown may differ from it): ${paper.scaleNote}`];
  const shown = runs.length === 1 ? 'the run shown' : `the ${runs.length} runs shown`;
  const out = [
    n.departures.length
      ? `How ${shown} ${runs.length === 1 ? 'differs' : 'differ'} from the paper: ${n.departures.join('; ')}.`
      : `${shown[0].toUpperCase()}${shown.slice(1)} ${runs.length === 1 ? 'uses' : 'use'} the paper's value wherever the paper states one${n.varying.length ? ', except where they differ below' : ''}.`,
  ];
  if (n.varying.length) out.push(`The selected runs differ among themselves in ${n.varying.join('; ')}.`);
  out.push(`About the example config, not necessarily these runs: ${paper.scaleNote}`);
  return out;
}

/**
 * The citation as shown after the paper's title in the header: most citations repeat the title
 * ("Frankle, Carbin. The Lottery Ticket Hypothesis: … ICLR 2019."), which read twice in a row in the
 * folded header. The title (with its quotes and the punctuation after it) is taken out; a citation
 * that does not contain it is kept whole.
 */
export function citationAfterTitle(title: string, citation: string): string {
  const at = citation.indexOf(title);
  if (at < 0) return citation;
  let start = at;
  let end = at + title.length;
  if (/["“]/.test(citation[start - 1] ?? '')) start--;
  if (/["”]/.test(citation[end] ?? '')) end++;
  if (/[.,]/.test(citation[end] ?? '')) end++;
  return `${citation.slice(0, start)} ${citation.slice(end)}`.replace(/\s+/g, ' ').trim();
}
