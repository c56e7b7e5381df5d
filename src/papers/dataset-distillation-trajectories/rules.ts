/** What the dataset-distillation-trajectories schema cannot say. */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { fmtInt } from '../common/rules';
import type { DdConfig } from './schema';

type Rule = PaperRule<DdConfig>;

const ABSTRACT = 'Shen et al. 2023, abstract';

const window: Rule = {
  code: 'dataset-distillation-trajectories/target-beyond-trajectory',
  title: "A match's target epoch must be on the expert trajectory",
  source:
    'trajectory matching (MTT): a match starts at an expert epoch t ≤ T⁺ and targets epoch t + M, both saved snapshots',
  check({ distill, experts }) {
    const last = distill.max_start_epoch + distill.expert_epochs;
    if (last <= experts.epochs) return [];
    const start = Math.max(0, experts.epochs - distill.expert_epochs);
    return [
      {
        path: ['distill', 'max_start_epoch'],
        target: 'value',
        severity: 'error',
        message: `max_start_epoch (${distill.max_start_epoch}) + expert_epochs (${distill.expert_epochs}) = ${last} is past the experts' last epoch (${experts.epochs}): some matches would target a snapshot that does not exist.`,
        fixes: [
          {
            title: `Start at most at epoch ${start}`,
            edits: [{ kind: 'setValue', path: ['distill', 'max_start_epoch'], value: start }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const smoothing: Rule = {
  code: 'dataset-distillation-trajectories/experts-not-smoothed',
  title: 'The smooth-expert arm needs the clipping loss or the gradient penalty',
  source: `${ABSTRACT} ("the integration of clipping loss and gradient penalty to regulate the rate of parameter changes in expert trajectories")`,
  check({ experts, arms }) {
    if (!arms.includes('smooth_experts') || experts.clip_loss || experts.gradient_penalty > 0) return [];
    return [
      {
        path: ['experts', 'gradient_penalty'],
        target: 'value',
        severity: 'error',
        message:
          'With no clipping loss and no gradient penalty, the "smooth" experts are the plain ones and `smooth_experts` repeats `plain_experts`.',
        fixes: [
          {
            title: 'Turn the clipping loss on',
            edits: [{ kind: 'setValue', path: ['experts', 'clip_loss'], value: true }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const sizes: Rule = {
  code: 'dataset-distillation-trajectories/distilled-not-smaller',
  title: 'A distilled set is much smaller than the real one, and is compared with as many real images',
  source:
    'research notes next-batches.md B22 (10 images per class against 100 random real images); abstract (tiny synthetic datasets)',
  check({ data, arms }) {
    const out: RuleFinding[] = [];
    const synthetic = data.ipc * 10;
    if (synthetic * 10 > data.train)
      out.push({
        path: ['data', 'ipc'],
        target: 'value',
        severity: 'warning',
        message: `${fmtInt(synthetic)} synthetic images are more than a tenth of the ${fmtInt(data.train)} real ones: that is subsampling, not distillation.`,
      });
    if (!arms.includes('random_real'))
      out.push({
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message: 'Without `random_real` nothing shows the distilled images beat as many real ones.',
      });
    return out;
  },
};

export const rules: Rule[] = [window, smoothing, sizes];
