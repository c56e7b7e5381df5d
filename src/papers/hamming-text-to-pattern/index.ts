/** `paper: hamming-text-to-pattern` — Chan, Jin, Vassilevska Williams & Xu. No tfjs here. */
import { definePaper } from '../../core/paper';
import { hammingSchema } from './schema';
import { rules } from './rules';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { hammingWork } from './work';

export const hammingTextToPattern = definePaper({
  id: 'hamming-text-to-pattern',
  title: 'Faster Algorithms for Text-to-Pattern Hamming Distances',
  tier: 'C',
  cluster: 'algorithms',
  summary:
    'Text-to-pattern Hamming distances in O(n√m) (Las Vegas), beating Abrahamson’s O(n√(m log m)); here a benchmark of the baselines, with measured exponents of m.',
  claims:
    'For a text of length n and a pattern of length m over a polynomial alphabet, the Hamming distance at every shift can be computed in O(n√m) time (Las Vegas), deterministically in O(n√m (log m log log m)^{1/4}), in O(n + nk/√m) for the k-bounded version, and (1+ε)-approximately in Õ(ε^{−0.93} n) — ' +
    'beating Abrahamson’s O(n√(m log m)) of 1987 and the Õ(ε^{−1} n) approximation.',
  citation:
    'Chan, Jin, Vassilevska Williams, Xu. Faster Algorithms for Text-to-Pattern Hamming Distances. SODA 2024 (arXiv 2310.13174).',
  schema: hammingSchema,
  rules,
  paperSetting: [
    {
      path: ['abrahamson_threshold'],
      value: 1,
      source: 'Abrahamson 1987 as cited by the paper: τ = √(m log m) balances the FFT and the enumeration',
    },
  ],
  references,
  figures,
  exampleYaml,
  scaleNote:
    "A benchmark stand-in: the paper's own algorithms are not implemented (it has no experiments); Abrahamson's O(n√(m log m)), the O(nm) scan and one FFT per character are timed in plain JavaScript (CPU time, medians of repeats, with operation counts), and their fitted exponents of m set beside the bounds the abstract states.",
  work: hammingWork,
  arms: [
    { id: 'abrahamson', label: 'Abrahamson heavy/light, O(n√(m log m))', role: 'method' },
    { id: 'naive', label: 'naive scan, O(nm)', role: 'control' },
    { id: 'fft_per_char', label: 'one FFT per character, O(σ n log m)', role: 'control' },
  ],
  keySettings: [
    { label: 'n', path: ['text_length'] },
    { label: 'alphabets', path: ['alphabet', 'distributions'] },
    { label: 'σ', path: ['alphabet', 'size'] },
    { label: 'repeats', path: ['repeats'] },
  ],
});
