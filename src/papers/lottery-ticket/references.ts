/**
 * The numbers Frankle & Carbin (ICLR 2019) report for LeNet-300-100 on MNIST, drawn on the
 * dashboard's figures beside ours. Source of each: the paper's §2 as summarised in
 * `/work/shared/papers/pruning-lottery.md` §1(c) (labelled [paper §2] there, hence `confirmed`).
 *
 * The paper trains 50K iterations on 55,000 MNIST digits (a 5,000-digit validation set is sampled
 * from the 60,000 training images; the paper's appendix on MNIST, "for the rest of the paper (including
 * Section 2)"); our example trains 1,500 iterations on 7,000 digits (1,000 for validation), so absolute
 * iteration counts and accuracies cannot be compared.
 * Each claim is therefore drawn relative to our own runs (our dense network, or our reinitialised
 * copy at the same % of weights): the mark shows where the paper says our ticket should land.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

const source = 'Frankle & Carbin 2019, §2';
const scale =
  "The paper: LeNet-300-100, 55,000 MNIST training digits (5,000 held out for validation), Adam 1.2e-3, batch 60, 50K iterations. Ours trains far fewer iterations on a 10K-digit subset, so the mark is placed relative to our own runs rather than at the paper's absolute value.";

export const references: ReferenceNumber[] = [
  {
    id: 'lth-es-38pct-earlier',
    label: 'ticket at 21% stops 38% earlier than the unpruned net',
    x: 0.21,
    relative: { to: { arm: 'ticket' }, atX: 1, factor: 0.62 },
    series: { arm: 'ticket' },
    source,
    confirmed: true,
    note: scale,
  },
  {
    id: 'lth-es-2.51x-faster',
    label: 'ticket at 21% reaches min. validation loss 2.51× sooner than reinit',
    x: 0.21,
    relative: { to: { arm: 'random_reinit' }, factor: 1 / 2.51 },
    series: { arm: 'ticket' },
    source,
    confirmed: true,
    note: scale,
  },
  {
    id: 'lth-acc-0.5pp-vs-reinit',
    label: 'ticket at 21% is 0.5 pp more accurate than reinit',
    x: 0.21,
    relative: { to: { arm: 'random_reinit' }, offset: 0.005 },
    series: { arm: 'ticket' },
    source,
    confirmed: true,
    note: scale,
  },
  {
    id: 'lth-acc-0.3pp-at-13.5',
    label: 'ticket at 13.5% beats the unpruned net by >0.3 pp',
    x: 0.135,
    relative: { to: { arm: 'ticket' }, atX: 1, offset: 0.003 },
    series: { arm: 'ticket' },
    source,
    confirmed: true,
    note: scale,
  },
  {
    id: 'lth-acc-back-to-dense',
    label: "ticket back to the unpruned net's accuracy at 3.6%",
    x: 0.036,
    relative: { to: { arm: 'ticket' }, atX: 1 },
    series: { arm: 'ticket' },
    source,
    confirmed: true,
    note: scale,
  },
  {
    id: 'lth-reinit-drops',
    label: 'reinit starts losing accuracy at 21.1%',
    x: 0.211,
    series: { arm: 'random_reinit' },
    source,
    confirmed: true,
    note: 'Where the paper sees reinitialised tickets fall below the unpruned network (55,000 MNIST digits, 50K iterations).',
  },
  {
    id: 'lth-ticket-drops',
    label: 'ticket starts losing accuracy at 2.9%',
    x: 0.029,
    series: { arm: 'ticket' },
    source,
    confirmed: true,
    note: 'Where the paper sees winning tickets fall below the unpruned network (55,000 MNIST digits, 50K iterations).',
  },
];
