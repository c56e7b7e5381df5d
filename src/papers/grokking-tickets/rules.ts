/** What Grokking Tickets implies across fields (pruning-lottery.md §6), each rule citing its source. */
import type { GrokkingTicketsConfig } from './schema';
import type { PaperRule, RuleFinding } from '../../core/paper';
import { fmtInt, pct, momentumIgnored, evalAfterEnd } from '../common/rules';

type Rule = PaperRule<GrokkingTicketsConfig>;

const CODE =
  'Grokking-Tickets config/config_pruning.py and pruner.py (sparsity = fraction kept; the CLI flag -p/--prune_rate writes it)';

/** Keys from the paper's code that mean "fraction kept" but read like "fraction removed". */
const KEPT_ALIASES = ['sparsity', 'prune_rate', 'pruning_rate'];

const keptFraction: Rule = {
  code: 'grokking-tickets/kept-fraction',
  title: '"sparsity" in the paper\'s code is the fraction KEPT: use `density`',
  source: CODE,
  check({ prune }) {
    const out: RuleFinding[] = [];
    for (const key of KEPT_ALIASES) {
      // Keys the schema does not have (the paper's own names): their values are untyped.
      const own = Object.getOwnPropertyDescriptor(prune, key);
      if (!own) continue;
      const raw: unknown = own.value;
      const v = typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
      const shown = v === undefined ? '' : `: ${v}`;
      const reading = v === undefined ? '' : `: ${pct(v)} of the weights kept, ${pct(1 - v)} pruned`;
      out.push({
        path: ['prune', key],
        severity: 'error',
        message: `\`${key}${shown}\` is read as the fraction KEPT (Grokking Tickets, config.py)${reading}. Here the kept fraction is called \`density\` — did you mean \`density\`?`,
        fixes: [
          {
            title: 'Rename to `density` (fraction kept)',
            edits: [{ kind: 'renameKey', path: ['prune', key], newKey: 'density' }],
            preferred: true,
          },
        ],
      });
    }
    return out;
  },
};

const maskIteration: Rule = {
  code: 'grokking-tickets/ticket-before-generalization',
  title: 'A grokking ticket is taken after the dense network generalizes',
  source:
    'Grokking Tickets (abstract: no speedup for tickets from the memorization or transition phase); config_pruning.py checkpoint: final',
  check({ prune, train: { iterations: its } }) {
    if (prune.mask_from !== 'iteration') return [];
    const at = prune.mask_iteration;
    if (at === undefined) {
      return [
        {
          path: ['prune', 'mask_from'],
          target: 'value',
          severity: 'error',
          message:
            "`mask_from: iteration` needs `mask_iteration`: the dense run's iteration whose weights give the mask.",
          fixes: [
            {
              title: 'Take the mask once the dense network has generalized',
              edits: [{ kind: 'setValue', path: ['prune', 'mask_from'], value: 'generalized' }],
              preferred: true,
            },
          ],
        },
      ];
    }
    if (at > its) {
      return [
        {
          path: ['prune', 'mask_iteration'],
          target: 'value',
          severity: 'error',
          message: `mask_iteration (${fmtInt(at)}) is after the end of the dense run (${fmtInt(its)} iterations).`,
        },
      ];
    }
    return [
      {
        path: ['prune', 'mask_iteration'],
        target: 'value',
        severity: 'warning',
        message: `A mask from iteration ${fmtInt(at)} is only a grokking ticket if the dense network has generalized by then; tickets from the memorization or transition phase do not accelerate grokking. Prefer \`mask_from: generalized\`, which waits for test accuracy ≥ generalized_accuracy.`,
        fixes: [
          {
            title: 'Take the mask once the dense network has generalized',
            edits: [{ kind: 'setValue', path: ['prune', 'mask_from'], value: 'generalized' }],
          },
        ],
      },
    ];
  },
};

const finalWithoutDecay: Rule = {
  code: 'grokking-tickets/dense-may-not-generalize',
  title:
    'Without weight decay the dense run may never generalize, so a final-checkpoint ticket is a memorization ticket',
  source: 'Grokking Tickets (abstract; the dense baseline groks with weight decay); config.py weight_decay',
  check({ train, prune: { mask_from: from } }) {
    if (train.weight_decay !== 0) return [];
    const msg =
      from === 'generalized'
        ? 'With weight_decay 0 the dense network may never reach generalized_accuracy, and then there is no grokking ticket to take: the run will say so and stop. The paper finds tickets from a dense run trained with weight decay; only the TICKET groks without it (use the `ticket_no_weight_decay` control).'
        : 'With weight_decay 0 the dense network may never generalize, so its final weights give a memorization ticket, which the paper finds does not accelerate grokking. Train the dense run with weight decay and use the `ticket_no_weight_decay` control for the no-decay ticket.';
    return [
      {
        path: ['train', 'weight_decay'],
        target: 'value',
        severity: 'warning',
        message: msg,
      },
    ];
  },
};

function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

const primeModulus: Rule = {
  code: 'grokking-tickets/modulus-not-prime',
  title: 'The modulus is a prime',
  source: 'Grokking-Tickets config.py (p = 67; primality is not enforced by the code)',
  check({ data: { modulus: p } }) {
    if (p < 3 || isPrime(p)) return [];
    let next = p + 1;
    while (!isPrime(next)) next++;
    return [
      {
        path: ['data', 'modulus'],
        target: 'value',
        severity: 'warning',
        message: `${p} is not prime: with a composite modulus, arithmetic mod p has zero divisors and the task (and its grokking) changes. The paper uses 67; the next prime is ${next}.`,
        fixes: [
          { title: `Use the prime ${next}`, edits: [{ kind: 'setValue', path: ['data', 'modulus'], value: next }] },
        ],
      },
    ];
  },
};

const subtractionSymmetric: Rule = {
  code: 'grokking-tickets/asymmetric-task',
  title: 'Only symmetric operations may keep just the pairs a ≤ b',
  source: 'Grokking-Tickets config.py (is_symmetric_input)',
  check({ data }) {
    if (data.task !== 'modular_subtraction' || !data.symmetric) return [];
    return [
      {
        path: ['data', 'symmetric'],
        target: 'value',
        severity: 'error',
        message:
          '(a − b) mod p is not symmetric, so keeping only the pairs with a ≤ b drops half of the task. Set `symmetric: false` for subtraction.',
        fixes: [
          {
            title: 'Use all pairs (symmetric: false)',
            edits: [{ kind: 'setValue', path: ['data', 'symmetric'], value: false }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const missingControl: Rule = {
  code: 'grokking-tickets/missing-control',
  title: 'A control that separates the mask from the weight norm',
  source: 'Grokking Tickets (abstract: tickets vs dense nets of the same L1/L2 norm, and vs pruning at initialisation)',
  check({ controls }) {
    if (
      controls.includes('random_mask') ||
      controls.includes('norm_matched_dense') ||
      controls.includes('norm_matched_dense_l1')
    )
      return [];
    return [
      {
        path: ['controls'],
        severity: 'warning',
        message:
          "Without `random_mask` or `norm_matched_dense`, a faster-grokking ticket cannot be told apart from the effect of simply having fewer or smaller weights — the paper's two controls.",
        fixes: [
          {
            title: 'Add the control runs the paper compares against',
            edits: [
              {
                kind: 'setValue',
                path: ['controls'],
                value: [
                  'random_mask',
                  'norm_matched_dense',
                  ...controls.filter((x) => x !== 'random_mask' && x !== 'norm_matched_dense'),
                ],
              },
            ],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const tinyTrainSet: Rule = {
  code: 'grokking-tickets/train-pairs',
  title: 'Enough training pairs to generalize from',
  source: 'Grokking-Tickets config.py (frac_train 0.4 of p(p+1)/2 pairs)',
  check({ data: { modulus: p, train_fraction: f, symmetric } }) {
    const pairs = symmetric ? (p * (p + 1)) / 2 : p * p;
    const train = Math.floor(pairs * f);
    if (train >= p) return [];
    return [
      {
        path: ['data', 'train_fraction'],
        target: 'value',
        severity: 'warning',
        message: `Only ${fmtInt(train)} training pairs out of ${fmtInt(pairs)}: fewer than p (${p}), too few for the network to generalize at all.`,
      },
    ];
  },
};

export const grokkingRules: Rule[] = [
  keptFraction,
  maskIteration,
  finalWithoutDecay,
  primeModulus,
  subtractionSymmetric,
  missingControl,
  tinyTrainSet,
  momentumIgnored,
  evalAfterEnd,
];
