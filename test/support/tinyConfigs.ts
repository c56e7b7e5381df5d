/**
 * One tiny config per paper, sized to run its recipe in a few seconds and to emit every arm the paper
 * declares (all controls on). test/unit/paper/arms.test.ts runs each through its recipe; a new paper
 * adds its entry here (the test fails naming the paper until it does). Values not given take the
 * schema's defaults.
 */
export const TINY_CONFIGS: Record<string, Record<string, unknown>> = {
  'lottery-ticket': {
    data: { dataset: 'mnist', train: 200, val: 50, test: 100 },
    model: { hidden: [16, 8] },
    train: { iterations: 20, eval_every: 10 },
    prune: { rounds: 1 },
    controls: ['random_reinit', 'random_mask'],
  },
  'grokking-tickets': {
    data: { modulus: 7 },
    model: { embedding_dim: 8, hidden: [16] },
    train: { iterations: 40, eval_every: 10 },
    controls: ['random_mask', 'norm_matched_dense', 'ticket_no_weight_decay'],
  },
  'random-pruning': {
    data: { dataset: 'mnist', train: 300, test: 100 },
    model: { hidden: [32, 16] },
    widths: [0.5],
    mask: { densities: [0.5], layerwise: ['er', 'uniform'] },
    train: { iterations: 20, eval_every: 10 },
    controls: ['dense'],
  },
  'rethinking-pruning': {
    data: { dataset: 'mnist', train: 300, test: 100 },
    model: { hidden: [40, 20] },
    prune: { ratios: [0.5] },
    train: { iterations: 20, eval_every: 10 },
    finetune: { iterations: 10 },
    regimes: ['finetune', 'scratch_e', 'scratch_b'],
  },
  'weight-matching-lmc': {
    data: { dataset: 'mnist', train: 400, test: 200 },
    model: { hidden: [24, 16] },
    train: { iterations: 60, eval_every: 30 },
    interpolation: { points: 5 },
  },
  thresholdout: {
    seed: 2,
    data: { n: 300, d: 300 },
    analysis: { k: [0, 5, 10], reps: 2 },
    thresholdout: { threshold: 4 / Math.sqrt(300), sigma: 1 / Math.sqrt(300) },
  },
  'xor-benign-grokking': {
    data: { d: 2000, n: 16, test: 40, mu_norm_sq: 400, label_flip: 0.25, flip_mode: 'stratified' },
    model: { width: 20 },
    train: { steps: 30, evals_per_decade: 5 },
  },
  'grokking-lazy-rich': {
    data: { dim: 5, train: 30, test: 20 },
    model: { width: 16 },
    train: { alphas: [1, 4], steps: 40, evals_per_decade: 4 },
  },
  rs2: {
    data: { dataset: 'mnist', train: 200, test: 100 },
    model: { hidden: [16] },
    train: { batch_size: 25, rounds: 2 },
    sampling: { ratios: [0.25], methods: ['rs2', 'rs2_wr', 'static', 'full'] },
  },
  'train-longer': {
    data: { dataset: 'fashion-mnist', train: 256, test: 100 },
    model: { hidden: [32] },
    train: { epochs: 2 },
    large_batch: { small_batch: 32, batch_size: 128, ghost_batch: 32 },
    arms: ['sb', 'lb', 'lb_lr', 'lb_lr_gbn', 'lb_lr_gbn_ra'],
  },
};
