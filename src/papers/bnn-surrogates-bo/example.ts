/** The example config ("New Experiment from Paper…" and examples/bnn-surrogates-bo.exp.yaml). */
export const exampleYaml = `# A Study of Bayesian Neural Network Surrogates for Bayesian Optimization (Li et al., ICLR 2024)
# Minimize Branin with 40 evaluations: a GP surrogate against an infinite-width BNN (NNGP), a deep ensemble and
# random search. Paperlab checks this config against the paper's schema and rules but cannot run it yet (it
# needs a Bayesian-optimization loop).
paper: bnn-surrogates-bo
name: branin, 40 evaluations
seed: 1
problem:
  function: branin
  dim: 2
  noise: 0
bo:
  initial_points: 10
  evaluations: 40
  acquisition: ei
  candidates: 2000
gp:
  kernel: matern52
ensemble:
  members: 5
  hidden: [50, 50]
  iterations: 500
nngp:
  depth: 3
arms: [gp, nngp, deep_ensemble, random_search]
`;
