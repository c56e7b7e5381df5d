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
  'bandlimited-random-weights': {
    model: { widths: [5, 10], bandwidths: [1, 10] },
    data: { frequencies: [1], train: 60, test: 60 },
  },
  'random-feature-attention': {
    data: { dim: 4, keys: 4, samples: [40, 80], validation: 40, test: 60, targets: ['qk_square'] },
    model: { heads: 4 },
    fit: { rel_lambdas: [1.0e-4, 1] },
  },
  'nngp-scale-mixtures': {
    prior: { networks: 20, width: 16, depth: 2, inputs: 8, input_index: 4 },
    regression: { dim: 2, train: 20, test: 20, outlier_fractions: [0, 0.1], shifts: [1], tune: false, validation: 10 },
  },
  'locality-weight-sharing': {
    task: { patch_dim: 4, patches: [2], samples: [10, 20], test: 100 },
    models: ['cnn', 'lcn', 'fcn'],
    model: { channels: 4 },
    train: { steps: 5 },
  },
  'unsupervised-pretraining': {
    model: { d: 10, r: 2 },
    data: { unlabeled: 50, labeled: [10, 20], unlabeled_sweep: [20, 50], labeled_for_m_sweep: 20, reps: 2 },
    pretrain: { rank: 2 },
    baseline: { lambdas: 3 },
    fit: { window: [10, 20] },
  },
  'connectivity-rank': {
    model: { hidden: 12, ranks: [1, 12], aligned: true },
    task: { batch_size: 8 },
    train: { iterations: 30, eval_every: 10 },
    probe: { trials: 16, kernel_trials: 4 },
  },
  'inductive-bias': {
    data: { train: 60, test: 40 },
    nn: { trials: 5, width: 8, epochs: 1, batch_size: 20 },
    kernel: { samples: 5 },
  },
  presto: {
    data: { n: 300, p: 3, intercepts: [[0, 2, 3]] },
    replications: 2,
    fit: { lambdas: 4, folds: 2 },
  },
  'local-graph-clustering': {
    graph: { blocks: 4, block_size: 30, p_in: 0.3, p_out: 0.02 },
    labels: { flip_rates: [0, 0.2] },
    replications: 3,
  },
  'dense-hebbian': {
    network: { units: 40 },
    data: { archetypes: [2, 12], examples: [1, 20] },
    dynamics: { sweeps: 5, tested: 2 },
    replications: 2,
  },
  'hamming-text-to-pattern': {
    text_length: 512,
    pattern_lengths: [8, 16, 32],
    repeats: 1,
  },
  'random-search-sparse': {
    data: { dataset: 'mnist', train: 300, val: 100, test: 100 },
    model: { hidden: [20, 10] },
    train: { iterations: 20, eval_every: 10 },
    search: { sparsities: [0.5], candidates: 4, repeats: 2 },
  },
  'layer-lottery': {
    data: { dataset: 'fashion-mnist', train: 300, test: 100 },
    model: { width: 12, blocks: 4 },
    train: { iterations: 20, eval_every: 10 },
    prune: { blocks_removed: [2], unit_control: [2], saliency_batch: 64 },
  },
  'iss-p': {
    data: { dataset: 'fashion-mnist', train: 300, test: 100 },
    model: { hidden: [40, 20] },
    train: { iterations: 30, eval_every: 10 },
    prune: {
      ratios: [0.9],
      alphas: [0.9],
      prune_iterations: 20,
      grad_norm_every: 5,
      methods: ['iss_p', 'iht', 'static'],
    },
  },
  exssnet: {
    data: { dataset: 'mnist', train: 300, test: 100 },
    tasks: { count: 2 },
    model: { hidden: [40, 20], density: 0.2 },
    train: { eval_every: 10 },
    mask: { iterations: 10 },
    weights: { iterations: 10 },
    arms: ['exssnet', 'supsup', 'ssnet'],
  },
  'weight-compander': {
    data: { dataset: 'fashion-mnist', train: 400, test: 200 },
    model: { hidden: [24, 16] },
    train: { iterations: 20, eval_every: 10 },
    compander: { arms: ['wc_fixed', 'wc_learned'] },
    analysis: { histogram_bins: 20 },
  },
  'mixture-growth': {
    data: { dataset: 'fashion-mnist', train: 400, test: 200 },
    model: { hidden: [16, 16] },
    train: { eval_every: 10 },
    growth: { member_iterations: 20, growth_iterations: 10 },
    controls: ['random_growth', 'zero_growth', 'scratch'],
    scratch_iterations: 20,
  },
  nupes: {
    data: { dataset: 'fashion-mnist', train: 400, test: 200 },
    model: { hidden: [24, 12] },
    train: { iterations: 20, eval_every: 10 },
    quant: { bits: [3], figure_bits: 3, grid: 8, calibration: 64, searches: ['data_free', 'data_driven'] },
  },
};
