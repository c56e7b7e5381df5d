/** The example config: "New Experiment from Paper…" offers it, and the build writes it to examples/hamming-text-to-pattern.exp.yaml. */
export const exampleYaml = `# Chan, Jin, Vassilevska Williams & Xu, "Faster Algorithms for Text-to-Pattern Hamming Distances" (SODA 2024).
# A benchmark, not a training run: the exact algorithms the paper improves on, timed (CPU time, medians)
# and counted (operations) over pattern lengths m at a fixed text length n, with the exponent of m fitted.
# The paper's own O(n sqrt(m)) algorithm is not implemented. About two minutes on one core.
paper: hamming-text-to-pattern
name: "Hamming distances: running time vs m"
seed: 1
text_length: 65536
pattern_lengths: [64, 128, 256, 512, 1024, 2048, 4096]
alphabet:
  size: 0              # 0 = ceil(sqrt(m)) characters for each m
  distributions: [uniform, zipf]  # uniform: the bound's regime; zipf: a few heavy characters (typical case)
algorithms: [abrahamson, naive, fft_per_char]
abrahamson_threshold: 1  # heavy = more than 1 x sqrt(m log2 m) occurrences in the pattern
repeats: 5               # median of 5 timed runs
`;
