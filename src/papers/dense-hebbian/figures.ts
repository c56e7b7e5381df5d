/** Mattis magnetization with the archetype vs examples per archetype, at a low and a high load. */
import type { FigureSpec } from '../../core/figures/spec';

const examples = {
  source: { kind: 'tag' as const, tag: 'M' },
  label: 'examples per archetype M',
  scale: 'log' as const,
};
const magnetization = {
  source: { kind: 'value' as const, key: 'magnetization' },
  label: 'Mattis magnetization with the archetype',
  scale: 'linear' as const,
};
const caption =
  'Glauber dynamics started from the archetype with 10% of its units flipped, on couplings built from the class averages of M examples of quality r. "ceiling" is the overlap of the sign of the class average with the archetype — the best a state aligned with the data can do.';

export const figures: FigureSpec[] = [
  {
    id: 'dh-low-load',
    title: 'Retrieval vs examples, low load (K = 5): ultra-detection',
    paperFigure: 'Monte Carlo checks of the phase diagram (values not read)',
    caption: `${caption} At low load both networks approach the ceiling; the dense one gets there with fewer examples.`,
    kind: 'summary',
    x: examples,
    y: [magnetization],
    lineBy: ['arm'],
    filter: { K: 5 },
    references: ['dh-ultra-detection'],
  },
  {
    id: 'dh-high-load',
    title: 'Retrieval vs examples, high load (K = 40): ultra-storage',
    caption: `${caption} Above the pairwise capacity (K/N ≈ 0.14) the Hopfield network fails at every M; the dense one still retrieves.`,
    kind: 'summary',
    x: examples,
    y: [magnetization],
    lineBy: ['arm'],
    filter: { K: 40 },
    references: ['dh-ultra-storage'],
  },
];
