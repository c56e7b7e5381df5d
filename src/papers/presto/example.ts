/** The example config: "New Experiment from Paper…" offers it, and the build writes it to examples/presto.exp.yaml. */
export const exampleYaml = `# Faletto & Bien, "Predicting Rare Events by Shrinking Towards Proportional Odds" (ICML 2023), §4.1.
# K = 4 ordered classes whose last one is rare; each boundary has its own weights, adjacent ones
# differing in a few features. PRESTO (an L1 penalty on those differences) against proportional odds
# (one shared weight vector) and logistic regression on the rare class alone. About 2 minutes of CPU on one core.
paper: presto
name: PRESTO, sparse differences
seed: 1
data:
  n: 2500            # observations per data set (paper: 2500)
  p: 10              # features, uniform on [-1, 1]
  classes: 4         # K
  intercepts:        # one setting per list; the last value sets the rarity (paper: these three)
    - [0, 3, 5]
    - [0, 3.5, 5.5]
    - [0, 4, 6]
  beta: 1
  dev_size: 0.5      # size of each non-zero difference between adjacent boundaries
  dev_prob: 0.3333   # probability a weight (and each difference) is non-zero
replications: 20     # data sets per setting (paper: 100)
fit:
  lambdas: 20        # lambda path, log-spaced from lambda_max (the code: nLambda = 20)
  lambda_min_ratio: 0.01
  folds: 5
`;
