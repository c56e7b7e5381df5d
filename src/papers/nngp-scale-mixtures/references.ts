/**
 * The paper's predictions as marks. Its UCI tables could not be read (the notes: numbers ✗), so the
 * regression marks are the abstract's direction only — the heavy-tailed process is more robust to
 * out-of-distribution data than the NNGP — placed at our own NNGP line (the t-process should be below).
 * The output distributions' predicted laws are drawn from each run's summary (figures.ts overlays).
 */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT = 'Lee et al. 2022, abstract ("robust to out-of-distribution data")';

export const references: ReferenceNumber[] = [
  {
    id: 'nngp-ood-outliers',
    label: "t-process NLL below the NNGP's with 20% outliers (direction only)",
    x: 0.2,
    relative: { to: { arm: 'nngp' } },
    series: { arm: 'invgamma' },
    source: ABSTRACT,
    confirmed: false,
    note: 'Drawn at our NNGP line: the paper predicts the t-process below it. The size of the gap is not from the paper.',
  },
  {
    id: 'nngp-ood-shift',
    label: "t-process NLL below the NNGP's at a ×4 input shift (direction only)",
    x: 4,
    relative: { to: { arm: 'nngp' } },
    series: { arm: 'invgamma' },
    source: ABSTRACT,
    confirmed: false,
    note: 'Drawn at our NNGP line: the paper predicts the t-process below it. The size of the gap is not from the paper.',
  },
];
