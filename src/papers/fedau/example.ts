/** The example config ("New Experiment from Paper…" and examples/fedau.exp.yaml). */
export const exampleYaml = `# A Lightweight Method for Tackling Unknown Participation Statistics in Federated Averaging
# (Wang & Ji, ICLR 2024): 250 simulated clients with heterogeneous, unknown participation.
# FedAU weights each update by the client's mean interval between participations.
paper: fedau
name: fedau vs fedavg, heterogeneous participation
seed: 1
data:
  dataset: fashion-mnist  # Debian's dataset-fashion-mnist (60,000 + 10,000)
  train: 60000
  test: 10000
model:
  hidden: [100]           # the code uses a small CNN; an MLP keeps the run in minutes
  init: he_normal
  activation: relu
arms: [fedau, average_participating, known_prob]
fed:
  clients: 250            # the code's values from here on, except rounds
  rounds: 250             # the code: 2,000 (10,000 iterations of 5 local steps); 250 fit in ~5 min
  local_steps: 5
  batch_size: 16
  lr: 0.1
  global_lr: 1.0
  data_alpha: 0.1         # very heterogeneous labels per client
  participation: bernoulli
  participation_alpha: 0.1
  participation_mean: 0.1
  participation_min: 0.02
  cutoff: 100000          # K: no cut (the code's default)
  eval_every: 25
`;
