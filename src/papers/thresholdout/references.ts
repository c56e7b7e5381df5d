/**
 * Numbers to draw beside ours. The paper's own Fig. 2 values could not be confirmed by the research
 * notes (§13: "Paper numbers UNCONF"), so what we have is the notes' re-implementation [sim] of the
 * authors' code at n = d = 2000, 20 repetitions — the same size as our example config. They are
 * labelled as a re-implementation, never as the paper's.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

const SIM =
  "research notes §13(b) [sim]: a numpy re-implementation of the authors' thresholdout.py, n = d = 2000, 20 reps";
const NOTE =
  "Not the paper's number: our notes' re-implementation at n = d = 2000 (the paper: n = d = 10000, 100 reps).";

function sim(id: string, label: string, x: number, y: number, arm: string, measuredOn: string): ReferenceNumber {
  return {
    id,
    label: `${label} [sim, not the paper's]`,
    x,
    y,
    series: { arm, measured_on: measuredOn },
    source: SIM,
    confirmed: false,
    note: NOTE,
  };
}

export const references: ReferenceNumber[] = [
  sim('nosig-std-holdout', 'No signal, k=100: standard holdout reads', 100, 0.631, 'standard', 'holdout'),
  sim('nosig-std-fresh', 'No signal, k=100: fresh data (standard)', 100, 0.502, 'standard', 'fresh'),
  sim('nosig-thr-holdout', 'No signal, k=100: Thresholdout reads', 100, 0.513, 'thresholdout', 'holdout'),
  sim('nosig-thr-fresh', 'No signal, k=100: fresh data (Thresholdout)', 100, 0.499, 'thresholdout', 'fresh'),
  sim('sig-std-holdout', 'Signal, k=300: standard holdout reads', 300, 0.712, 'standard', 'holdout'),
  sim('sig-std-fresh', 'Signal, k=300: fresh data (standard)', 300, 0.592, 'standard', 'fresh'),
  sim('sig-thr-holdout', 'Signal, k=300: Thresholdout reads', 300, 0.584, 'thresholdout', 'holdout'),
  sim('sig-thr-fresh', 'Signal, k=300: fresh data (Thresholdout)', 300, 0.562, 'thresholdout', 'fresh'),
];
