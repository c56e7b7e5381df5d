/**
 * Jordao et al.'s numbers: Table 2 (ResNet32 on CIFAR-10, layer pruning at initialization, accuracy
 * minus the unpruned net's, in pp) as the research notes report them [notes: paper] — not re-read
 * here, so unconfirmed — and the abstract's claims. The Δ values are drawn on our Δ axis as they are:
 * a difference to one's own unpruned net is the one number that can carry over across scales.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

const T2 = 'Jordao et al. 2023, Table 2 (ResNet32/CIFAR-10, at init), via pruning-lottery.md §5';
const note =
  'ResNet32 on CIFAR-10; our residual MLP on Fashion-MNIST stands in. From the research notes’ reading of the paper, not re-read here.';

const grasp = [0.4, 0.72, 0.34, 0.41, 0.12];
const snip = [0.08, 0.0, -0.5, -0.53, -1.0];

export const references: ReferenceNumber[] = [
  ...grasp.map((d, i) => ({
    id: `ll-grasp-p${i + 1}`,
    label: `GraSP, p = ${i + 1}: ${d >= 0 ? '+' : ''}${d.toFixed(2)} pp vs unpruned`,
    x: i + 1,
    y: d / 100,
    series: { criterion: 'grasp' },
    source: T2,
    confirmed: false,
    note,
  })),
  ...snip.map((d, i) => ({
    id: `ll-snip-p${i + 1}`,
    label: `SNIP, p = ${i + 1}: ${d >= 0 ? '+' : ''}${d.toFixed(2)} pp vs unpruned`,
    x: i + 1,
    y: d / 100,
    series: { criterion: 'snip' },
    source: T2,
    confirmed: false,
    note,
  })),
  {
    id: 'll-filter-worse',
    label: 'tickets from filter removal hardly become winning tickets',
    x: 4,
    source: 'Jordao et al. 2023, abstract',
    confirmed: true,
    note: 'Drawn at p = 4, where our unit-pruning control (standing in for filter removal) is run.',
  },
  {
    id: 'll-co2',
    label: 'up to 51% less carbon emission (training time) with layer-pruned tickets',
    source: 'Jordao et al. 2023, abstract',
    confirmed: true,
    note: 'ResNet56 with 12 blocks removed; our speed-up is CPU time per step of a small MLP.',
  },
];
