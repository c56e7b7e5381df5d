/** The example config: "New Experiment from Paper…" offers it, and the build writes it to examples/weight-matching-lmc.exp.yaml. */
export const exampleYaml = `# Linear mode connectivity after weight matching (Ito et al.; Ainsworth et al., "Git Re-Basin").
# Two MLPs trained from different seeds sit in different "basins": the loss rises between them on
# the straight line. Permuting B's hidden units to match A's (the same function as B) removes most
# of that barrier while shortening the distance between them only a little.
# Two trainings of 2,000 iterations × 100 digits (≈ 1 min each with the wasm backend), matching,
# 2 × 25 path evaluations and the SVDs: about 3 minutes on one core.
paper: weight-matching-lmc
name: two width-256 MLPs, weight matching
seed: 1                 # data split, matching order, and with seeds.a / seeds.b each model's init
seeds: { a: 1, b: 2 }   # the two models' numbers: init and batch order of each, from the run's seed
data: { dataset: mnist, train: 8000, test: 2000 }
model: { arch: mlp, hidden: [256, 256], init: he_normal, activation: relu }   # paper: 512-512-512
train: { optimizer: adam, lr: 1.0e-3, batch_size: 100, iterations: 2000, eval_every: 200 }
matching: { method: weight, max_iter: 100 }
interpolation: { points: 25 }   # λ = 0, 1/24, …, 1
analysis: { singular_vectors: true }
`;
