/** The example config: "New Experiment from Paper…" offers it, and the build writes it to examples/dense-hebbian.exp.yaml. */
export const exampleYaml = `# Agliari et al., "Dense Hebbian neural networks: a replica symmetric picture of supervised learning".
# K random binary archetypes are never shown: only M noisy examples of each (quality r). Couplings are
# built from the class averages, pairwise (P = 2, Hopfield) or P-body (P = 4), and Glauber Monte Carlo
# from a corrupted archetype tests retrieval. About a minute on one core.
paper: dense-hebbian
name: dense vs pairwise Hebbian retrieval
seed: 1
network:
  units: 200          # N
  dense_p: 4          # P of the dense network (compared with P = 2)
data:
  archetypes: [5, 40] # K: a low load and one above the pairwise capacity (0.138 N)
  quality: 0.3        # r
  examples: [1, 2, 5, 10, 15, 20, 30, 50, 70, 100, 200]
dynamics:
  beta: 10            # inverse temperature
  sweeps: 30
  start_noise: 0.1    # cue: the archetype with 10% of units flipped
  tested: 3           # archetypes retrieved per network
replications: 20
`;
