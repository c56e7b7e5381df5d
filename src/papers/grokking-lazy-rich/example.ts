/** The example config: "New Experiment from Paper…" offers it, and the build writes it to examples/grokking-lazy-rich.exp.yaml. */
export const exampleYaml = `# Kumar et al., "Grokking as the transition from lazy to rich training dynamics" (ICLR 2024), Fig. 1 sizes.
# The test loss first sits near the initial-kernel (lazy) solution and drops later, once features move;
# the larger the output scale alpha, the lazier the network and the later the drop.
paper: grokking-lazy-rich
name: lazy to rich, alpha in {0.5, 1, 4}
seed: 1
data:
  dim: 100          # D; x ~ N(0, I/D), y = (beta . x)^2 / 2
  train: 550        # P
  test: 1000
model:
  width: 500        # N hidden units, readouts frozen
  epsilon: 0.02     # phi(z) = z + eps z^2 / 2
  center: true      # train f - f0
train:
  alphas: [0.5, 1, 4]
  lr_mode: scaled   # eta = lr * N / alpha^2: the same eta * alpha^2 / N for every alpha
  lr: 10            # 10x the paper's eta = N/alpha^2, with 10x fewer steps: the same gradient-flow
                    # time (the x axis counts steps at the paper's eta), still 5x below the divergence limit
  steps: 3000       # per alpha = 30000 steps at the paper's eta (paper: 100000)
  evals_per_decade: 10
  alignment: true
`;
