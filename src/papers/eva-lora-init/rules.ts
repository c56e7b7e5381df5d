/** What the eva-lora-init schema cannot say. */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { IMAGE_INPUT, fmtInt, momentumIgnored, evalAfterEnd } from '../common/rules';
import type { EvaConfig } from './schema';

type Rule = PaperRule<EvaConfig>;

const SVD = 'ml-jku/EVA, bash/run_svd_precompute.sh';

const rankVsWidth: Rule = {
  code: 'eva-lora-init/rank-exceeds-width',
  title: "An adapter cannot have more components than its layer's input has dimensions",
  source:
    'Paischer et al. 2024, abstract (LoRA A initialized with right-singular vectors of the activations); ml-jku/EVA svd_precompute.py --rank, --rho',
  check({ model, lora }) {
    // Hidden widths of a valid config are ≥ 1; the smallest input an adapter sees bounds its rank.
    const inputs = [IMAGE_INPUT, ...model.hidden];
    const narrowest = Math.min(...inputs);
    const most = Math.ceil(lora.rank * lora.rho);
    if (most <= narrowest) return [];
    return [
      {
        path: ['lora', 'rank'],
        target: 'value',
        severity: 'error',
        message: `rank × rho = ${lora.rank} × ${lora.rho} allows ${fmtInt(most)} components in one layer, but the narrowest adapted layer has ${fmtInt(narrowest)} inputs: its activations have at most ${fmtInt(narrowest)} right-singular vectors.`,
      },
    ];
  },
};

const svdBatch: Rule = {
  code: 'eva-lora-init/svd-batch-too-small',
  title: 'An activation minibatch must have at least as many rows as components are taken from it',
  source: `${SVD} (batch_sizes=(16) with ranks=(16))`,
  check({ lora }) {
    if (lora.svd_batch_size >= lora.rank) return [];
    return [
      {
        path: ['lora', 'svd_batch_size'],
        target: 'value',
        severity: 'error',
        message: `svd_batch_size ${lora.svd_batch_size} is smaller than rank ${lora.rank}: a minibatch of ${lora.svd_batch_size} activations has at most ${lora.svd_batch_size} singular vectors.`,
        fixes: [
          {
            title: `Use ${lora.rank}`,
            edits: [{ kind: 'setValue', path: ['lora', 'svd_batch_size'], value: lora.rank }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const simThresh: Rule = {
  code: 'eva-lora-init/loose-convergence',
  title: 'The incremental SVD should run until its components stop moving',
  source: `${SVD} (early_stop_sim_thresh=0.99)`,
  check({ lora }) {
    if (lora.early_stop_sim_thresh >= 0.9) return [];
    return [
      {
        path: ['lora', 'early_stop_sim_thresh'],
        target: 'value',
        severity: 'warning',
        message: `A similarity threshold of ${lora.early_stop_sim_thresh} stops the SVD while its components still change; the code uses 0.99.`,
        fixes: [
          {
            title: "Use the code's 0.99",
            edits: [{ kind: 'setValue', path: ['lora', 'early_stop_sim_thresh'], value: 0.99 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const tasks: Rule = {
  code: 'eva-lora-init/tasks-overlap',
  title: 'The downstream task must be new to the base network, and EVA compared with random LoRA',
  source: 'research notes next-batches.md B21 (classes 0–4 → 5–9); abstract ("LoRA … usually initialized at random")',
  check({ data, arms }) {
    const out: RuleFinding[] = [];
    const shared = data.finetune_classes.filter((k) => data.pretrain_classes.includes(k));
    if (shared.length)
      out.push({
        path: ['data', 'finetune_classes'],
        target: 'value',
        severity: 'warning',
        message: `Class${shared.length > 1 ? 'es' : ''} ${shared.join(', ')} ${shared.length > 1 ? 'are' : 'is'} in both tasks: the base network has already learned ${shared.length > 1 ? 'them' : 'it'}, so the adapters have less to learn.`,
      });
    if (arms.includes('eva') && !arms.includes('lora_random'))
      out.push({
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message: "Without `lora_random` there is no baseline for EVA's faster convergence.",
      });
    return out;
  },
};

export const rules: Rule[] = [rankVsWidth, svdBatch, simThresh, tasks, momentumIgnored, evalAfterEnd];
