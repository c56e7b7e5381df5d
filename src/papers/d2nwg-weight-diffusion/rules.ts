/** What the d2nwg-weight-diffusion schema cannot say. */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { fmtInt } from '../common/rules';
import { zooWeights, type D2nwgConfig } from './schema';

type Rule = PaperRule<D2nwgConfig>;

const ABSTRACT = 'Soro et al. 2025, abstract';

const split: Rule = {
  code: 'd2nwg-weight-diffusion/no-seen-tasks',
  title: 'Some tasks must be seen by the generator and some held out',
  source: `${ABSTRACT} ("weights that generalize well across both seen and unseen tasks")`,
  check({ zoo }) {
    if (zoo.held_out < zoo.tasks) return [];
    return [
      {
        path: ['zoo', 'held_out'],
        target: 'value',
        severity: 'error',
        message: `held_out (${zoo.held_out}) leaves none of the ${zoo.tasks} tasks to train the generator on.`,
        fixes: [
          {
            title: `Hold out ${Math.max(1, Math.floor(zoo.tasks / 5))}`,
            edits: [{ kind: 'setValue', path: ['zoo', 'held_out'], value: Math.max(1, Math.floor(zoo.tasks / 5)) }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const zooSize: Rule = {
  code: 'd2nwg-weight-diffusion/small-zoo',
  title: 'A generative model needs many weight vectors per dimension it models',
  source:
    'heuristic: the research notes plan ~1.5k-dimensional weights (next-batches.md C4); we ask for at least 100 training vectors',
  check({ zoo }) {
    const out: RuleFinding[] = [];
    const seen = Math.max(0, zoo.tasks - zoo.held_out) * zoo.models_per_task;
    if (seen < 100)
      out.push({
        path: ['zoo', 'models_per_task'],
        target: 'value',
        severity: 'warning',
        message: `The generator would learn from ${fmtInt(seen)} weight vectors ((${zoo.tasks} − ${zoo.held_out}) tasks × ${zoo.models_per_task}) of ${fmtInt(zooWeights(zoo))} numbers each: too few to learn a distribution; it can only memorize them.`,
      });
    if (28 % zoo.input_side !== 0)
      out.push({
        path: ['zoo', 'input_side'],
        target: 'value',
        severity: 'error',
        message: `Pooling a 28×28 image to ${zoo.input_side}×${zoo.input_side} needs a divisor of 28 (4, 7, 14 or 28).`,
      });
    return out;
  },
};

const baselines: Rule = {
  code: 'd2nwg-weight-diffusion/no-pretrained-baseline',
  title: 'Generated weights are compared with picking a pretrained model',
  source: `${ABSTRACT} ("outperforming state-of-the-art meta-learning methods and pretrained models"; "blind selection of pretrained models")`,
  check({ arms }) {
    if (!arms.includes('generated') || arms.includes('zoo_nearest')) return [];
    return [
      {
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message:
          'Without `zoo_nearest` nothing shows that generated weights beat reusing the closest pretrained model.',
        fixes: [
          {
            title: 'Add zoo_nearest',
            edits: [{ kind: 'setValue', path: ['arms'], value: [...arms, 'zoo_nearest'] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [split, zooSize, baselines];
