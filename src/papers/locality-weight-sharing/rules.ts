/** Cross-field checks for the DSD sample-complexity experiment, each citing its source. */
import type { PaperRule } from '../../core/paper';
import type { LocalityConfig } from './schema';

type Rule = PaperRule<LocalityConfig>;
const ABSTRACT = 'Lahoti et al. 2024, abstract';

const oneK: Rule = {
  code: 'locality-weight-sharing/one-k',
  title: 'Slopes in k need several k',
  source: `${ABSTRACT}: the separations are in how n* grows with k (O(k + d) vs Ω(kd) vs Ω(k²d))`,
  check({ task }) {
    if (new Set(task.patches).size >= 2) return [];
    return [
      {
        path: ['task', 'patches'],
        target: 'value',
        severity: 'warning',
        message:
          "One value of k: the orderings can be compared, but not how each model's sample complexity grows with k, which is what separates the bounds.",
        fixes: [
          {
            title: 'Sweep k over 4, 8, 16',
            edits: [{ kind: 'setValue', path: ['task', 'patches'], value: [4, 8, 16] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const singlePatch: Rule = {
  code: 'locality-weight-sharing/single-patch',
  title: 'With one patch the three networks coincide',
  source: `${ABSTRACT} (an image of k patches whose signal "can freely appear in any one of the k patches")`,
  check({ task }) {
    if (!task.patches.includes(1)) return [];
    return [
      {
        path: ['task', 'patches'],
        target: 'value',
        severity: 'info',
        message: 'k = 1: the CNN, LCN and FCN are the same network, so that point cannot separate them.',
      },
    ];
  },
};

const sweepRange: Rule = {
  code: 'locality-weight-sharing/sweep-range',
  title: 'The n sweep must reach the target for the FCN',
  source: `${ABSTRACT}: FCN needs Ω(k²d) samples`,
  check({ task, models }) {
    if (!models.includes('fcn')) return [];
    const kmax = Math.max(...task.patches);
    const nmax = Math.max(...task.samples);
    const bound = kmax * kmax * task.patch_dim;
    if (nmax >= bound / 4) return [];
    return [
      {
        path: ['task', 'samples'],
        target: 'value',
        severity: 'info',
        message: `The largest n (${nmax}) is far below k²d = ${bound} at k = ${kmax}: the FCN may never reach the target, leaving n* undefined there (reported as "not reached").`,
      },
    ];
  },
};

const lowTarget: Rule = {
  code: 'locality-weight-sharing/target-accuracy',
  title: 'A target accuracy well above chance',
  source: `${ABSTRACT} (sample complexity to learn the task)`,
  check({ task }) {
    if (task.target_accuracy >= 0.7) return [];
    return [
      {
        path: ['task', 'target_accuracy'],
        target: 'value',
        severity: 'warning',
        message: `Target accuracy ${task.target_accuracy} is close to chance (0.5): n* then measures noise more than learning.`,
        fixes: [
          {
            title: 'Use 0.9',
            edits: [{ kind: 'setValue', path: ['task', 'target_accuracy'], value: 0.9 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [oneK, singlePatch, sweepRange, lowTarget];
