/**
 * What the paper reports for its sparse-differences simulation (§4.1): an ordering, not numbers we
 * could read. The abstract says PRESTO estimates rare-class probabilities better than both logistic
 * regression on the rare class and proportional odds; the figure's MSE values were not read, so the
 * marks say "below this line" relative to our own proportional-odds arm and stay unconfirmed.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

const SOURCE = 'Faletto & Bien 2023, abstract and §4.1 (sparse differences; the figure of rare-probability MSE)';

export const references: ReferenceNumber[] = [5, 5.5, 6].map((alpha) => ({
  id: `presto-below-po-${alpha}`,
  label: `paper: PRESTO's MSE below proportional odds (α_{K−1} = ${alpha}; ordering only)`,
  x: alpha,
  relative: { to: { arm: 'proportional_odds' }, factor: 1 },
  series: { arm: 'presto' },
  source: SOURCE,
  confirmed: false,
  note: "The ordering is the abstract's claim; the figure's values were not read, so no number is drawn, only our own proportional-odds line as the bound PRESTO should sit under.",
}));
