/** The example config: "New Experiment from Paper…" offers it, and the build writes it to examples/local-graph-clustering.exp.yaml. */
export const exampleYaml = `# Back de Luca, Fountoulakis & Yang, "Local Graph Clustering with Noisy Labels" (ICLR 2024).
# A target cluster of 200 nodes in a 2,000-node block model; every node's label 1{in the cluster} is
# flipped with some probability. From one seed node: diffusion on the label-weighted graph, diffusion
# on the original graph, and the labels alone. A few seconds on one core.
paper: local-graph-clustering
name: noisy labels on a block model
seed: 1
graph:
  blocks: 10          # block 0 is the target cluster K
  block_size: 200     # |K|
  p_in: 0.05          # edge probability inside a block (p)
  p_out: 0.002        # edge probability across blocks (q)
labels:
  flip_rates: [0, 0.1, 0.2, 0.3, 0.4, 0.5]
  epsilon: 0.05       # weight of an edge unless both ends are labelled 1
diffusion:
  mass_factor: 2      # source mass = 2 x vol(K)
  tol: 0.001
replications: 50      # graphs per flip rate
`;
