/** The example config: "New Experiment from Paper…" offers it, and the build writes it to examples/thresholdout.exp.yaml. */
export const exampleYaml = `# Dwork et al., "The reusable holdout" (Science 2015), Fig. 2 at n = d = 2000.
# An analyst selects features using the training set AND a holdout, then builds a classifier from the
# top k of them. Reading the holdout directly overfits it; reading it through Thresholdout does not.
# About a minute on one core.
paper: thresholdout
name: reusable holdout, n = d = 2000
seed: 1
data:
  n: 2000             # points in each of training, holdout and fresh sets (paper: 10000)
  d: 2000             # Gaussian features (paper: 10000)
  signal_vars: 20     # features that carry signal in the "signal" condition
  signal_bias: 6      # their shift toward the label, in units of 1/sqrt(n)
  conditions: [no_signal, signal]
analysis:
  k: [0, 10, 20, 30, 45, 70, 100, 150, 200, 250, 300, 400, 500]
  selection_filter: 1 # keep |correlation| >= 1/sqrt(n) on both sets, same sign
  reps: 20            # paper: 100
thresholdout:
  threshold: 0.0894   # T = 4/sqrt(n)
  sigma: 0.02236      # = 1/sqrt(n)
  noise_dist: gaussian  # as in the authors' code; "laplace" is the paper's stated algorithm
  budget: null        # unbounded, as in the authors' code
`;
