// The rules of the schema-only papers on fixtures: each paper rule trips on a patched example and not
// on the example itself or a near miss, with the numbers of its message; every example lints without a
// finding of its own paper's rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/config';
import { getPaper, paperRegistry } from '../../../src/papers';
import type { PaperDefinition } from '../../../src/core/paper';
import { ruleFindings } from '../../support/papers';

interface Case {
  code: string;
  bad: (c: any) => void;
  good: (c: any) => void;
  /** Parts of the bad finding's message (its computed numbers). */
  says?: string[];
}

const CASES: Record<string, Case[]> = {
  shrinkmatch: [
    {
      code: 'shrinkmatch/threshold-too-low',
      bad: (c) => (c.semi.threshold = 0.1),
      good: (c) => (c.semi.threshold = 0.5),
      says: ['at or below 1/10'],
    },
    {
      code: 'shrinkmatch/threshold-too-low',
      bad: (c) => (c.semi.threshold = 0.3),
      good: (c) => (c.semi.threshold = 0.9),
      says: ['threshold 0.3', 'the paper uses 0.95'],
    },
    {
      code: 'shrinkmatch/no-fixmatch-baseline',
      bad: (c) => (c.arms = ['supervised', 'shrinkmatch']),
      good: (c) => (c.arms = ['fixmatch', 'shrinkmatch']),
    },
    {
      code: 'shrinkmatch/pool-too-small',
      bad: (c) => ((c.data.dataset = 'mnist'), (c.data.unlabeled = 9000)),
      good: (c) => ((c.data.dataset = 'mnist'), (c.data.unlabeled = 7960)),
      says: ['40 labelled + 9,000 unlabelled', 'the 8,000 training images of `mnist` left after the test set'],
    },
    {
      code: 'shrinkmatch/pool-too-small',
      bad: (c) => ((c.data.unlabeled = 100), (c.train.batch_size = 32), (c.semi.uratio = 4)),
      good: (c) => ((c.data.unlabeled = 128), (c.train.batch_size = 32), (c.semi.uratio = 4)),
      says: ['32 × 4 = 128 examples, more than the 100 unlabelled'],
    },
    {
      code: 'shrinkmatch/not-label-scarce',
      bad: (c) => (c.data.labels_per_class = 100),
      good: (c) => (c.data.labels_per_class = 25),
      says: ['100 labels per class'],
    },
  ],
  'oscillation-free-quant': [
    {
      code: 'oscillation-free-quant/boundary-range',
      bad: (c) => (c.cga.boundary_range = 0.2),
      good: (c) => (c.cga.boundary_range = 0.01),
      says: ['boundary_range 0.2', 'most weights count as unconfident'],
    },
    {
      code: 'oscillation-free-quant/boundary-range',
      bad: (c) => (c.cga.boundary_range = 0.0001),
      good: (c) => ((c.cga.boundary_range = 0.0001), (c.arms = ['lsq', 'statsq'])),
      says: ['almost every weight is frozen'],
    },
    {
      code: 'oscillation-free-quant/not-low-bit',
      bad: (c) => (c.quant.weight_bits = 8),
      good: (c) => (c.quant.weight_bits = 4),
      says: ['At 8 bits'],
    },
    {
      code: 'oscillation-free-quant/no-lsq-baseline',
      bad: (c) => (c.arms = ['statsq', 'statsq_cga']),
      good: (c) => (c.arms = ['float']),
    },
    {
      code: 'oscillation-free-quant/window-too-short',
      bad: (c) => ((c.train.iterations = 400), (c.quant.oscillation_window = 0.2)),
      good: (c) => ((c.train.iterations = 500), (c.quant.oscillation_window = 0.2)),
      says: ['80 steps (0.2 × 400)'],
    },
  ],
  'eva-lora-init': [
    {
      code: 'eva-lora-init/rank-exceeds-width',
      bad: (c) => ((c.model.hidden = [16]), (c.lora.rank = 10), (c.lora.rho = 2)),
      good: (c) => ((c.model.hidden = [20]), (c.lora.rank = 10), (c.lora.rho = 2)),
      says: ['rank × rho = 10 × 2 allows 20 components', 'has 16 inputs'],
    },
    {
      code: 'eva-lora-init/svd-batch-too-small',
      bad: (c) => ((c.lora.rank = 8), (c.lora.svd_batch_size = 4)),
      good: (c) => ((c.lora.rank = 8), (c.lora.svd_batch_size = 8)),
      says: ['svd_batch_size 4 is smaller than rank 8'],
    },
    {
      code: 'eva-lora-init/loose-convergence',
      bad: (c) => (c.lora.early_stop_sim_thresh = 0.5),
      good: (c) => (c.lora.early_stop_sim_thresh = 0.9),
      says: ['threshold of 0.5'],
    },
    {
      code: 'eva-lora-init/tasks-overlap',
      bad: (c) => (c.data.finetune_classes = [4, 5, 6]),
      good: (c) => (c.data.finetune_classes = [5, 6, 7]),
      says: ['Class 4 is in both tasks'],
    },
    {
      code: 'eva-lora-init/tasks-overlap',
      bad: (c) => (c.arms = ['eva', 'full_finetune']),
      good: (c) => (c.arms = ['lora_random', 'full_finetune']),
      says: ['Without `lora_random`'],
    },
  ],
  'sampling-free-detection': [
    {
      code: 'sampling-free-detection/not-imbalanced',
      bad: (c) => ((c.data.grid = 2), (c.data.digits_per_canvas = 1)),
      good: (c) => ((c.data.grid = 4), (c.data.digits_per_canvas = 1)),
      says: ['25% of the cells are positive (1 digit on a 2×2 grid)'],
    },
    {
      code: 'sampling-free-detection/canvas-geometry',
      bad: (c) => ((c.data.canvas = 56), (c.data.grid = 5)),
      good: (c) => ((c.data.canvas = 56), (c.data.grid = 8)),
      says: ['56 / 5 = 11.20'],
    },
    {
      code: 'sampling-free-detection/canvas-geometry',
      bad: (c) => ((c.data.canvas = 56), (c.data.digits_per_canvas = 5)),
      good: (c) => ((c.data.canvas = 56), (c.data.digits_per_canvas = 4)),
      says: ['room for 4'],
    },
    {
      code: 'sampling-free-detection/no-focal-baseline',
      bad: (c) => (c.arms = ['sampling_free', 'bce']),
      good: (c) => (c.arms = ['sampling_free', 'focal']),
    },
    {
      code: 'sampling-free-detection/mechanism-off',
      bad: (c) => ((c.loss.prior_init = false), (c.loss.guided_scaling = false)),
      good: (c) => ((c.loss.prior_init = false), (c.loss.guided_scaling = true)),
    },
  ],
  'stochastic-interpolants': [
    {
      code: 'stochastic-interpolants/sde-without-latent',
      bad: (c) => (c.interpolant.gamma_scale = 0),
      good: (c) => ((c.interpolant.gamma_scale = 0), (c.arms = ['ode'])),
    },
    {
      code: 'stochastic-interpolants/no-ode-baseline',
      bad: (c) => (c.arms = ['sde']),
      good: (c) => (c.arms = ['sde', 'ode']),
      says: ['Without the `ode` arm'],
    },
    {
      code: 'stochastic-interpolants/coarse-sde-steps',
      bad: (c) => ((c.sampler.steps = 20), (c.sampler.epsilons = [1])),
      good: (c) => ((c.sampler.steps = 50), (c.sampler.epsilons = [1])),
      says: ['With 20 steps and ε = 1', '= 0.32', '50 steps keep it at 0.2'],
    },
  ],
  'spurious-diversification': [
    {
      code: 'spurious-diversification/no-endpoints',
      bad: (c) => (c.wise.alphas = [0.25, 0.5, 1]),
      good: (c) => (c.wise.alphas = [0, 0.5, 1]),
      says: ['alphas lack 0 (the pretrained model)'],
    },
    {
      code: 'spurious-diversification/few-spurious-features',
      bad: (c) => (c.data.spurious_features = 2),
      good: (c) => (c.data.spurious_features = 4),
      says: ['2 spurious features'],
    },
    {
      code: 'spurious-diversification/few-spurious-features',
      bad: (c) => ((c.data.ood_correlation = 0.9), (c.data.train_correlation = 0.9)),
      good: (c) => ((c.data.ood_correlation = 0.5), (c.data.train_correlation = 0.9)),
      says: ['(0.9 ≥ 0.9)'],
    },
    {
      code: 'spurious-diversification/bang-unchanged',
      bad: (c) => ((c.bang.label_smoothing = 0), (c.bang.mixup_alpha = 0)),
      good: (c) => ((c.bang.label_smoothing = 0), (c.bang.mixup_alpha = 0.2)),
    },
  ],
  'continual-binary-meanfield': [
    {
      code: 'continual-binary-meanfield/no-metaplasticity-baseline',
      bad: (c) => (c.arms = ['meanfield', 'naive_bnn']),
      good: (c) => (c.arms = ['meanfield', 'metaplastic']),
    },
    {
      code: 'continual-binary-meanfield/prior-off',
      bad: (c) => (c.meanfield.prior_weight = 0),
      good: (c) => (c.meanfield.prior_weight = 0.1),
    },
    {
      code: 'continual-binary-meanfield/too-many-digits',
      bad: (c) => ((c.data.train = 9000), (c.data.test = 2000)),
      good: (c) => ((c.data.train = 8000), (c.data.test = 2000)),
      says: ['train (9,000) + test (2,000) = 11,000 digits'],
    },
  ],
  'mvp-prompts': [
    { code: 'mvp-prompts/no-mlp-ft-baseline', bad: (c) => (c.arms = ['mvp']), good: (c) => (c.arms = ['mlp_ft']) },
    {
      code: 'mvp-prompts/epsilon-too-large',
      bad: (c) => (c.attack.epsilons = [0.1, 0.5]),
      good: (c) => (c.attack.epsilons = [0.1, 0.3]),
      says: ['ε = 0.5', 'by 50% of their range'],
    },
    {
      code: 'mvp-prompts/loose-clean-gap',
      bad: (c) => (c.attack.max_clean_gap = 0.1),
      good: (c) => (c.attack.max_clean_gap = 0.05),
      says: ['up to 10 pp'],
    },
  ],
  'prithvi-geospatial': [
    {
      code: 'prithvi-geospatial/patch-size',
      bad: (c) => (c.model.patch_size = 6),
      good: (c) => (c.model.patch_size = 4),
      says: ['28 / 6 = 4.67', 'such as 7'],
    },
    {
      code: 'prithvi-geospatial/patch-size',
      bad: (c) => ((c.model.patch_size = 14), (c.mae.mask_ratio = 0.1)),
      good: (c) => ((c.model.patch_size = 14), (c.mae.mask_ratio = 0.5)),
      says: ['With 4 patches and mask_ratio 0.1, 0 are hidden'],
    },
    {
      code: 'prithvi-geospatial/low-mask-ratio',
      bad: (c) => (c.mae.mask_ratio = 0.25),
      good: (c) => (c.mae.mask_ratio = 0.5),
      says: ['mask_ratio 0.25'],
    },
    {
      code: 'prithvi-geospatial/no-few-label-run',
      bad: (c) => (c.data.label_fractions = [0.5, 1]),
      good: (c) => (c.data.label_fractions = [0.1, 1]),
      says: ['50% (5,000 tiles)'],
    },
    {
      code: 'prithvi-geospatial/no-few-label-run',
      bad: (c) => (c.arms = ['mae']),
      good: (c) => (c.arms = ['scratch']),
      says: ['Without `scratch`'],
    },
  ],
  'rich-feature-construction': [
    {
      code: 'rich-feature-construction/no-spurious-trap',
      bad: (c) => (c.data.train_envs = [0.9, 0.7]),
      good: (c) => (c.data.train_envs = [0.9, 0.8]),
      says: ['70% of the time, no more than shape does (75%, after 25% label noise)'],
    },
    {
      code: 'rich-feature-construction/no-spurious-trap',
      bad: (c) => (c.data.test_env = 0.6),
      good: (c) => (c.data.test_env = 0.4),
      says: ['60% of the time'],
    },
    {
      code: 'rich-feature-construction/identical-environments',
      bad: (c) => (c.data.train_envs = [0.85, 0.85]),
      good: (c) => (c.data.train_envs = [0.85, 0.9]),
      says: ['colour agreement 0.85'],
    },
    {
      code: 'rich-feature-construction/penalty-never-on',
      bad: (c) => ((c.irm.anneal_iters = 500), (c.irm.iterations = 500)),
      good: (c) => ((c.irm.anneal_iters = 499), (c.irm.iterations = 500)),
      says: ['anneal_iters (500) is not shorter than IRM training (500 steps)'],
    },
    {
      code: 'rich-feature-construction/no-erm-init-baseline',
      bad: (c) => (c.arms = ['irm_rfc', 'erm']),
      good: (c) => (c.arms = ['irm_rfc', 'irm_erm']),
    },
  ],
  'd2nwg-weight-diffusion': [
    {
      code: 'd2nwg-weight-diffusion/no-seen-tasks',
      bad: (c) => ((c.zoo.tasks = 6), (c.zoo.held_out = 6)),
      good: (c) => ((c.zoo.tasks = 7), (c.zoo.held_out = 6)),
      says: ['held_out (6) leaves none of the 6 tasks'],
    },
    {
      code: 'd2nwg-weight-diffusion/small-zoo',
      bad: (c) => ((c.zoo.tasks = 10), (c.zoo.held_out = 2), (c.zoo.models_per_task = 5)),
      good: (c) => ((c.zoo.tasks = 22), (c.zoo.held_out = 2), (c.zoo.models_per_task = 5)),
      says: ['40 weight vectors ((10 − 2) tasks × 5) of 1,594 numbers each'],
    },
    {
      code: 'd2nwg-weight-diffusion/small-zoo',
      bad: (c) => (c.zoo.input_side = 10),
      good: (c) => (c.zoo.input_side = 7),
      says: ['to 10×10'],
    },
    {
      code: 'd2nwg-weight-diffusion/no-pretrained-baseline',
      bad: (c) => (c.arms = ['generated', 'random_init']),
      good: (c) => (c.arms = ['generated', 'zoo_nearest']),
    },
  ],
  'adversarial-adaptive-sampling': [
    {
      code: 'adversarial-adaptive-sampling/relu-laplacian',
      bad: (c) => (c.model.activation = 'relu'),
      good: (c) => (c.model.activation = 'sin'),
    },
    {
      code: 'adversarial-adaptive-sampling/never-resampled',
      bad: (c) => ((c.collocation.resample_every = 5000), (c.train.iterations = 5000)),
      good: (c) => ((c.collocation.resample_every = 5000), (c.train.iterations = 5000), (c.arms = ['uniform'])),
      says: ['resample_every (5,000) is not shorter than training (5,000 steps)'],
    },
    {
      code: 'adversarial-adaptive-sampling/not-sharp',
      bad: (c) => ((c.pde.sharpness = 5), (c.collocation.interior = 1000)),
      good: (c) => ((c.pde.sharpness = 10), (c.collocation.interior = 1000)),
      says: ['About 157 of 1,000 uniform points'],
    },
    {
      code: 'adversarial-adaptive-sampling/not-sharp',
      bad: (c) => (c.arms = ['aas', 'residual_resampling']),
      good: (c) => (c.arms = ['aas', 'uniform']),
      says: ['Without `uniform`'],
    },
  ],
  'bnn-surrogates-bo': [
    {
      code: 'bnn-surrogates-bo/function-dimension',
      bad: (c) => (c.problem.dim = 20),
      good: (c) => ((c.problem.function = 'ackley'), (c.problem.dim = 20)),
      says: ['`branin` is defined in 2 dimensions, not 20'],
    },
    {
      code: 'bnn-surrogates-bo/no-bo-steps',
      bad: (c) => ((c.bo.initial_points = 40), (c.bo.evaluations = 40)),
      good: (c) => ((c.bo.initial_points = 39), (c.bo.evaluations = 40)),
      says: ['initial_points (40) uses the whole budget of 40'],
    },
    {
      code: 'bnn-surrogates-bo/no-bo-steps',
      bad: (c) => ((c.problem.function = 'levy'), (c.problem.dim = 30), (c.bo.candidates = 2000)),
      good: (c) => ((c.problem.function = 'levy'), (c.problem.dim = 20), (c.bo.candidates = 2000)),
      says: ['2,000 random candidates in 30 dimensions'],
    },
    {
      code: 'bnn-surrogates-bo/no-gp-baseline',
      bad: (c) => (c.arms = ['nngp', 'deep_ensemble']),
      good: (c) => (c.arms = ['nngp', 'gp']),
    },
  ],
  'monotone-dbm': [
    {
      code: 'monotone-dbm/loose-tolerance',
      bad: (c) => (c.meanfield.tol = 0.01),
      good: (c) => (c.meanfield.tol = 0.001),
      says: ['tol 0.01'],
    },
    {
      code: 'monotone-dbm/unroll-exceeds-inference',
      bad: (c) => ((c.meanfield.unroll = 60), (c.meanfield.max_iters = 50)),
      good: (c) => ((c.meanfield.unroll = 50), (c.meanfield.max_iters = 50)),
      says: ['unroll (60) exceeds max_iters (50)'],
    },
    {
      code: 'monotone-dbm/no-unconstrained-baseline',
      bad: (c) => (c.arms = ['monotone']),
      good: (c) => (c.arms = ['unconstrained']),
    },
    {
      code: 'monotone-dbm/no-unconstrained-baseline',
      bad: (c) => (c.data.side = 12),
      good: (c) => (c.data.side = 7),
      says: ['to 12×12'],
    },
  ],
  'dataset-distillation-trajectories': [
    {
      code: 'dataset-distillation-trajectories/target-beyond-trajectory',
      bad: (c) => ((c.distill.max_start_epoch = 9), (c.distill.expert_epochs = 2), (c.experts.epochs = 10)),
      good: (c) => ((c.distill.max_start_epoch = 8), (c.distill.expert_epochs = 2), (c.experts.epochs = 10)),
      says: ['max_start_epoch (9) + expert_epochs (2) = 11'],
    },
    {
      code: 'dataset-distillation-trajectories/experts-not-smoothed',
      bad: (c) => ((c.experts.clip_loss = false), (c.experts.gradient_penalty = 0)),
      good: (c) => ((c.experts.clip_loss = false), (c.experts.gradient_penalty = 0.01)),
    },
    {
      code: 'dataset-distillation-trajectories/distilled-not-smaller',
      bad: (c) => ((c.data.ipc = 100), (c.data.train = 8000)),
      good: (c) => ((c.data.ipc = 80), (c.data.train = 8000)),
      says: ['1,000 synthetic images'],
    },
    {
      code: 'dataset-distillation-trajectories/distilled-not-smaller',
      bad: (c) => (c.arms = ['smooth_experts', 'plain_experts']),
      good: (c) => (c.arms = ['smooth_experts', 'random_real']),
      says: ['Without `random_real`'],
    },
  ],
  'diversity-driven-synthesis': [
    {
      code: 'diversity-driven-synthesis/no-adjustment',
      bad: (c) => (c.dwa.rho = 0),
      good: (c) => ((c.dwa.rho = 0), (c.arms = ['no_dwa'])),
      says: ['With rho 0'],
    },
    {
      code: 'diversity-driven-synthesis/no-adjustment',
      bad: (c) => (c.dwa.steps = 0),
      good: (c) => (c.dwa.steps = 1),
      says: ['With steps 0'],
    },
    {
      code: 'diversity-driven-synthesis/large-adjustment',
      bad: (c) => (c.dwa.rho = 0.15),
      good: (c) => (c.dwa.rho = 0.1),
      says: ['by 15% of their size, 10×'],
    },
    {
      code: 'diversity-driven-synthesis/no-statistics',
      bad: (c) => (c.synthesis.r_bn = 0),
      good: (c) => (c.synthesis.r_bn = 0.001),
    },
    {
      code: 'diversity-driven-synthesis/no-statistics',
      bad: (c) => (c.arms = ['dwa', 'random_real']),
      good: (c) => (c.arms = ['dwa', 'no_dwa']),
      says: ['Without `no_dwa`'],
    },
  ],
  'hierarchical-bayes-fewshot': [
    {
      code: 'hierarchical-bayes-fewshot/too-few-shots',
      bad: (c) => (c.task.shots = 1),
      good: (c) => (c.task.shots = 2),
    },
    {
      code: 'hierarchical-bayes-fewshot/burnin-exceeds-training',
      bad: (c) => ((c.niw.burnin = 5000), (c.meta.episodes = 5000)),
      good: (c) => ((c.niw.burnin = 4999), (c.meta.episodes = 5000)),
      says: ['burnin (5,000) is not shorter than meta-training (5,000 episodes)'],
    },
    {
      code: 'hierarchical-bayes-fewshot/no-maml-baseline',
      bad: (c) => (c.arms = ['niw']),
      good: (c) => (c.arms = ['fomaml']),
    },
  ],
  'learning-to-actively-learn': [
    {
      code: 'learning-to-actively-learn/budget',
      bad: (c) => ((c.problem.budget = 4), (c.problem.bandit_arms = 5)),
      good: (c) => ((c.problem.budget = 5), (c.problem.bandit_arms = 5)),
      says: ['A budget of 4 cannot pull each of the 5 arms'],
    },
    {
      code: 'learning-to-actively-learn/budget',
      bad: (c) => (c.problem.budget = 1000),
      good: (c) => (c.problem.budget = 200),
      says: ['1,000 pulls'],
    },
    {
      code: 'learning-to-actively-learn/few-rollouts',
      bad: (c) => (c.policy.rollouts = 50),
      good: (c) => (c.policy.rollouts = 100),
      says: ['50 episodes per update'],
    },
    {
      code: 'learning-to-actively-learn/no-baseline',
      bad: (c) => (c.arms = ['learned']),
      good: (c) => (c.arms = ['learned', 'successive_elimination']),
    },
  ],
  'pv-rnn': [
    {
      code: 'pv-rnn/layer-lists',
      bad: (c) => (c.model.z_units = [2]),
      good: (c) => (c.model.z_units = [3, 1]),
      says: ['d_units has 2 layers, z_units 1 and tau 2'],
    },
    {
      code: 'pv-rnn/layer-lists',
      bad: (c) => (c.model.tau = [8, 2]),
      good: (c) => (c.model.tau = [2, 3]),
      says: ["Layer 2's time constant (2) is not larger than layer 1's (8)"],
    },
    {
      code: 'pv-rnn/meta-prior-sweep',
      bad: (c) => (c.meta_priors = [0.01, 0.01, 1]),
      good: (c) => (c.meta_priors = [0.001, 0.01, 1]),
      says: ['2 meta-prior values'],
    },
    {
      code: 'pv-rnn/regression-window',
      bad: (c) => ((c.error_regression.window = 100), (c.data.length = 100)),
      good: (c) => ((c.error_regression.window = 99), (c.data.length = 100)),
      says: ['A window of 100 steps does not fit in sequences of 100'],
    },
    {
      code: 'pv-rnn/regression-window',
      bad: (c) => (c.arms = ['pvrnn']),
      good: (c) => (c.arms = ['no_error_regression']),
      says: ['Without `no_error_regression`'],
    },
  ],
  // <add cases above>
};

const schemaOnly = paperRegistry.implemented().filter((p) => p.needs);

for (const p of schemaOnly) {
  test(`${p.id}: every rule of its own has a case here`, () => {
    const covered = new Set((CASES[p.id] ?? []).map((c) => c.code));
    for (const r of p.rules) if (r.code.startsWith(`${p.id}/`)) assert.ok(covered.has(r.code), `${r.code} has no case`);
    assert.ok(p.rules.filter((r) => r.code.startsWith(`${p.id}/`)).length >= 3, 'at least three paper rules');
    for (const r of p.rules) assert.ok(r.source.length > 10, `${r.code} cites its source`);
  });

  test(`${p.id}: the example lints without errors and no rule of the paper fires on it`, () => {
    const lint = lintText(p.exampleYaml, `${p.id}.exp.yaml`, { papers: paperRegistry });
    assert.deepEqual(
      lint.findings.map((f) => `${f.code}: ${f.message}`),
      [],
    );
  });

  for (const [i, c] of (CASES[p.id] ?? []).entries())
    test(`${c.code} (case ${i + 1}): trips on the bad config, not on the good one`, () => {
      const bad = ruleFindings(p, c.code, c.bad);
      assert.ok(bad.length > 0, 'did not trip');
      for (const s of c.says ?? [])
        assert.ok(
          bad.some((f) => f.message.includes(s)),
          `no message says "${s}":\n${bad.map((f) => f.message).join('\n')}`,
        );
      assert.deepEqual(
        ruleFindings(p, c.code, c.good).map((f) => f.message),
        [],
      );
    });
}

test('the cases here are for schema-only papers that exist', () => {
  for (const id of Object.keys(CASES)) {
    const p = getPaper(id) as PaperDefinition | undefined;
    assert.ok(p?.needs, id);
  }
});
