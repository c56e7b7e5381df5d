/**
 * Config schema of `paper: hamming-text-to-pattern` (Chan, Jin, Vassilevska Williams & Xu, "Faster
 * Algorithms for Text-to-Pattern Hamming Distances", SODA 2024): a benchmark of the exact baselines the
 * paper improves on, over pattern lengths m at a fixed text length n.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Block, StringEnum, nameKey, paperKey, seedKey } from '../common/schema';

export const HAMMING_ALGORITHMS = ['abrahamson', 'naive', 'fft_per_char'] as const;

export const hammingSchema = Type.Object(
  {
    paper: paperKey('hamming-text-to-pattern'),
    name: nameKey('Hamming distances: running time vs m'),
    seed: seedKey(),
    text_length: Type.Integer({
      minimum: 64,
      maximum: 4_194_304,
      default: 65536,
      description: 'Text length n (characters).',
    }),
    pattern_lengths: Type.Array(Type.Integer({ minimum: 2, maximum: 1_048_576 }), {
      minItems: 1,
      default: [64, 128, 256, 512, 1024, 2048, 4096],
      description: 'Pattern lengths m measured (the x axis of the running-time fit).',
    }),
    alphabet: Block(
      {
        size: Type.Integer({
          minimum: 0,
          maximum: 1_000_000,
          default: 0,
          description:
            'Characters in the alphabet; 0 = ⌈√m⌉ for each m (every character near the heavy/light threshold).',
        }),
        distributions: Type.Array(StringEnum(['uniform', 'zipf'] as const, {}), {
          minItems: 1,
          uniqueItems: true,
          default: ['uniform', 'zipf'],
          description:
            'Character distributions, one panel each: `uniform` over ⌈√m⌉ characters is the bound’s regime (every character light, n·m/σ = n√m matches to enumerate); `zipf` (frequency ∝ 1/rank) makes a few characters heavy, a typical rather than worst case.',
        }),
      },
      { description: 'How text and pattern characters are drawn (independently, same distribution).' },
    ),
    algorithms: Type.Array(StringEnum(HAMMING_ALGORITHMS, {}), {
      minItems: 1,
      uniqueItems: true,
      default: ['abrahamson', 'naive', 'fft_per_char'],
      description: 'Exact algorithms timed: Abrahamson’s heavy/light split, the O(nm) scan, and one FFT per character.',
    }),
    abrahamson_threshold: Type.Number({
      exclusiveMinimum: 0,
      default: 1,
      description: 'Heavy characters occur more than this × √(m log₂ m) times in the pattern (Abrahamson: 1).',
    }),
    repeats: Type.Integer({
      minimum: 1,
      maximum: 51,
      default: 5,
      description: 'Timed runs per algorithm and m; the median CPU time is reported.',
    }),
  },
  { additionalProperties: false },
);

export type HammingConfig = Static<typeof hammingSchema>;
