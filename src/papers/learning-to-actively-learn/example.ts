/** The example config ("New Experiment from Paper…" and examples/learning-to-actively-learn.exp.yaml). */
export const exampleYaml = `# Learning to Actively Learn: A Robust Approach (Zhang, Jain & Jamieson, 2020)
# Best-arm identification among 5 Gaussian arms with 20 pulls: a recurrent policy trained adversarially over
# 4 difficulty classes, against uniform allocation and successive elimination. Paperlab checks this config
# against the paper's schema and rules but cannot train it yet (it needs a policy-gradient loop).
paper: learning-to-actively-learn
name: 5 arms, budget 20
seed: 1
problem:
  bandit_arms: 5
  budget: 20
  noise: 1
  classes: 4
policy:
  hidden: 64
  rollouts: 1000
  iterations: 300
  lr: 0.001
  adversary_lr: 0.1
arms: [learned, uniform, successive_elimination]
`;
