/**
 * ExSSNeT's and SupSup's numbers: the abstract (confirmed) and the SupSup notebook's per-task
 * validation accuracies on PermutedMNIST (read in RAIVNLab/supsup mnist.ipynb, confirmed).
 */
import type { ReferenceNumber } from '../../core/figures/spec';

const NB = 'RAIVNLab/supsup mnist.ipynb (PermutedMNIST, 784-300-300-100, masks at ~50%, 1 epoch per task)';
const supsupNotebook = [0.9191, 0.9292, 0.9225, 0.9207, 0.9269];

export const references: ReferenceNumber[] = [
  {
    id: 'exssnet-plus-8.3',
    label: 'ExSSNeT +8.3% over SupSup on average for masks activating 2–10% of parameters',
    x: 0.05,
    relative: { to: { arm: 'supsup' }, offset: 0.083 },
    series: { arm: 'exssnet' },
    source: 'Yadav & Bansal 2022, abstract',
    confirmed: true,
    note: 'Averaged over their benchmarks (SplitMNIST, SplitCIFAR100, TinyImageNet, NLP); drawn 8.3 pp above our SupSup at our default density (5%).',
  },
  {
    id: 'exssnet-no-forgetting',
    label: 'no forgetting: each task keeps its accuracy after later tasks (ExSSNeT and SupSup)',
    source: 'Yadav & Bansal 2022, abstract ("while still preventing forgetting")',
    confirmed: true,
  },
  ...supsupNotebook.map((y, i) => ({
    id: `supsup-nb-task${i}`,
    label: `SupSup notebook, task ${i + 1}: ${(100 * y).toFixed(2)}% validation accuracy`,
    x: i,
    y,
    series: { arm: 'supsup' },
    source: NB,
    confirmed: true,
    note: 'A denser mask (scores ≥ 0, about half the weights), a wider net and full MNIST; ours keeps 5%.',
  })),
];
