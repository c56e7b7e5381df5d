/** What the ShrinkMatch schema cannot say: its threshold, its baseline, and the sizes of its pools. */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { fmtInt, momentumIgnored, evalAfterEnd } from '../common/rules';
import type { ShrinkmatchConfig } from './schema';

type Rule = PaperRule<ShrinkmatchConfig>;

const CONFIG = 'LiheYoung/ShrinkMatch, STL10-SVHN/config/shrinkmatch_svhn_40labels_seed0.yaml';
const CLASSES = 10;
/** Training images of each dataset; the labelled and unlabelled sets are drawn from them. */
const POOL = { mnist: 10_000, 'fashion-mnist': 60_000 } as const;

const thresholdTooLow: Rule = {
  code: 'shrinkmatch/threshold-too-low',
  title: 'The confidence threshold must be high for a shrunk class space to mean anything',
  source: `${CONFIG} (p_cutoff: 0.95); README: "to satisfy the pre-defined threshold, e.g., 0.95"`,
  check({ semi }) {
    // With 10 classes a top-1 of at least 1/10 always clears a threshold at or below it: nothing is uncertain.
    if (semi.threshold > 1 / CLASSES) {
      if (semi.threshold >= 0.5) return [];
      return [
        {
          path: ['semi', 'threshold'],
          target: 'value',
          severity: 'warning',
          message: `threshold ${semi.threshold} lets most unlabelled samples count as certain without any shrinking, so ShrinkMatch and FixMatch barely differ; the paper uses 0.95.`,
          fixes: [
            {
              title: "Use the paper's 0.95",
              edits: [{ kind: 'setValue', path: ['semi', 'threshold'], value: 0.95 }],
              preferred: true,
            },
          ],
        },
      ];
    }
    return [
      {
        path: ['semi', 'threshold'],
        target: 'value',
        severity: 'error',
        message: `threshold ${semi.threshold} is at or below 1/${CLASSES}: every top-1 probability clears it, so no sample is uncertain and there is no class space to shrink.`,
        fixes: [
          {
            title: "Use the paper's 0.95",
            edits: [{ kind: 'setValue', path: ['semi', 'threshold'], value: 0.95 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const needsFixmatch: Rule = {
  code: 'shrinkmatch/no-fixmatch-baseline',
  title: 'ShrinkMatch is measured against FixMatch with the same threshold',
  source:
    'LiheYoung/ShrinkMatch, STL10-SVHN/README.md ("Our baseline is … solely FixMatch on SVHN"); README, SVHN @40 table',
  check({ arms }) {
    if (!arms.includes('shrinkmatch') || arms.includes('fixmatch')) return [];
    return [
      {
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message:
          "Without the `fixmatch` arm there is nothing to compare ShrinkMatch's extra unlabelled samples and accuracy with: the paper's claim is relative to FixMatch at the same threshold.",
        fixes: [
          {
            title: 'Add the fixmatch arm',
            edits: [{ kind: 'setValue', path: ['arms'], value: [...arms, 'fixmatch'] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const poolSize: Rule = {
  code: 'shrinkmatch/pool-too-small',
  title: 'Labelled + unlabelled examples must fit in the training images, and an unlabelled batch in its pool',
  source: `the datasets' sizes (mnist package 10,000; Fashion-MNIST 60,000); ${CONFIG} (batch_size: 64, uratio: 7)`,
  check({ data, train, semi }) {
    const out: RuleFinding[] = [];
    const labelled = data.labels_per_class * CLASSES;
    const pool = POOL[data.dataset] - (data.dataset === 'mnist' ? data.test : 0);
    if (labelled + data.unlabeled > pool)
      out.push({
        path: ['data', 'unlabeled'],
        target: 'value',
        severity: 'error',
        message: `${fmtInt(labelled)} labelled + ${fmtInt(data.unlabeled)} unlabelled examples do not fit in the ${fmtInt(pool)} training images of \`${data.dataset}\`${data.dataset === 'mnist' ? ' left after the test set' : ''}.`,
        fixes:
          pool > labelled
            ? [
                {
                  title: `Use ${fmtInt(pool - labelled)} unlabelled`,
                  edits: [{ kind: 'setValue', path: ['data', 'unlabeled'], value: pool - labelled }],
                },
              ]
            : undefined,
      });
    const ubatch = train.batch_size * semi.uratio;
    if (ubatch > data.unlabeled)
      out.push({
        path: ['semi', 'uratio'],
        target: 'value',
        severity: 'error',
        message: `An unlabelled batch is batch_size × uratio = ${fmtInt(train.batch_size)} × ${semi.uratio} = ${fmtInt(ubatch)} examples, more than the ${fmtInt(data.unlabeled)} unlabelled examples.`,
      });
    return out;
  },
};

const labelScarce: Rule = {
  code: 'shrinkmatch/not-label-scarce',
  title: 'The effect is claimed where labels are scarce',
  source:
    'LiheYoung/ShrinkMatch README: results at 40 labels (CIFAR-10, STL-10, SVHN: 4 per class) and 400 (CIFAR-100)',
  check({ data }) {
    if (data.labels_per_class <= 25) return [];
    return [
      {
        path: ['data', 'labels_per_class'],
        target: 'value',
        severity: 'info',
        message: `${data.labels_per_class} labels per class is far from the paper's 4 per class: with many labels FixMatch already uses most unlabelled samples, so expect little difference.`,
      },
    ];
  },
};

export const rules: Rule[] = [thresholdTooLow, needsFixmatch, poolSize, labelScarce, momentumIgnored, evalAfterEnd];
