/** The example config: "New Experiment from Paper…" offers it, and the build writes it to examples/sensitivity-sampling.exp.yaml. */
export const exampleYaml = `# Woodruff & Yasuda, "Sharper Bounds for l_p Sensitivity Sampling" (ICML 2023).
# A benchmark, not a training run: for p = 1 and tall matrices (n = 2000) of widths d = 5 ... 40 and three
# structures, the fewest rows each sampler needs to embed A within distortion 0.2 (on 200 Gaussian and
# 50 sensitive test directions and an l1 regression), set against the total sensitivity S: the paper's
# bound is S^(2/p) rows, the general one S*d. Sensitivities are estimated (Lewis directions, lower bounds);
# S comes from 12 rows per matrix computed exactly by IRLS. About two minutes on one core.
paper: sensitivity-sampling
name: "l1 sensitivity sampling: rows needed vs S"
seed: 1
p: 1
matrix:
  rows: 2000
  dims: [5, 10, 20, 40]
  structures: [gaussian, heavy_rows, block]  # S ~ sqrt(d), S ~ d, S = d: S varies at fixed d
  heavy_weight: 1      # heavy row j = 1 x the l1 norm of column j elsewhere (sensitivity >= 1/2)
  block_width: 1       # one column per block: every sensitivity is |a_i| / (its block's l1 norm)
lewis:
  iterations: 20       # the map contracts by |1 - p/2| = 1/2 per iteration at p = 1
sensitivity:
  check_rows: 12       # exact sensitivities (one IRLS each) behind the estimate of S
  irls_iterations: 60
sampling:
  methods: [sensitivity, root_leverage, uniform]
  distortion: 0.2
  directions: 200
  sensitive_directions: 50
  trials: 5            # median distortion over 5 samples per size
  bisections: 4
  regression: true
`;
