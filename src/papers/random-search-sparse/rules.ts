/** What a random-search baseline for sparse architectures needs across fields, each rule citing its source. */
import type { PaperRule } from '../../core/paper';
import { fmtInt, imageDataRules, pct, trainRules } from '../common/rules';
import { keptUnits } from '../../trainer/neuronPruning';
import type { RandomSearchSparseConfig } from './schema';

type Rule = PaperRule<RandomSearchSparseConfig>;

const ABSTRACT = 'Farahani 2024, abstract';

const repeats: Rule = {
  code: 'random-search-sparse/repeats-for-null',
  title: 'A null result needs repeats to be shown as equivalence',
  source: `${ABSTRACT}: searched networks "neither perform better nor converge more efficiently than their random counterparts" — a claim of no difference, tested as equivalence (two one-sided t-tests, Schuirmann 1987)`,
  check({ search }) {
    if (search.repeats >= 3) return [];
    return [
      {
        path: ['search', 'repeats'],
        target: 'value',
        severity: search.repeats < 2 ? 'error' : 'warning',
        message: `${search.repeats} repeat${search.repeats === 1 ? '' : 's'} per sparsity: "no better than random" can only be shown as equivalence within ±${(100 * search.margin).toFixed(1)} pp with several searched and random networks each (a t-test needs at least 2, and 2 are rarely enough). Use 3 or more.`,
        fixes: [
          {
            title: 'Use 4 repeats',
            edits: [{ kind: 'setValue', path: ['search', 'repeats'], value: 4 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const candidates: Rule = {
  code: 'random-search-sparse/candidates',
  title: 'A search needs several candidates',
  source: `${ABSTRACT}: "We apply Random Search on the node space of an overparameterized network"`,
  check({ search }) {
    if (search.candidates >= 8) return [];
    return [
      {
        path: ['search', 'candidates'],
        target: 'value',
        severity: search.candidates < 2 ? 'error' : 'warning',
        message:
          search.candidates < 2
            ? 'One candidate is not a search: the "searched" mask is just another random mask.'
            : `${search.candidates} candidates is a small search: with so few, the searched and random masks differ little by construction. Use 32 (our default) or more.`,
        fixes: [
          {
            title: 'Use 32 candidates',
            edits: [{ kind: 'setValue', path: ['search', 'candidates'], value: 32 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const sparsityLeavesUnits: Rule = {
  code: 'random-search-sparse/too-sparse',
  title: 'Every hidden layer must keep a few units',
  source: `${ABSTRACT}: "a significant level of performance can still be preserved even when the network is highly sparse"`,
  check({ search, model }) {
    const narrowest = Math.min(...model.hidden);
    // A sparsity outside [0, 1) is the schema's range error; keptUnits would throw on it.
    const bad = search.sparsities.findIndex((s) => s >= 0 && s < 1 && keptUnits(narrowest, s) < 3);
    if (bad < 0) return [];
    const s = search.sparsities[bad];
    return [
      {
        path: ['search', 'sparsities', bad],
        target: 'value',
        severity: 'warning',
        message: `At sparsity ${pct(s)} the ${narrowest}-unit layer keeps ${keptUnits(narrowest, s)} unit${keptUnits(narrowest, s) === 1 ? '' : 's'}: every mask of that layer is nearly the same bottleneck, so search and random cannot differ there.`,
      },
    ];
  },
};

const validationSize: Rule = {
  code: 'random-search-sparse/validation-size',
  title: 'The pre-training criterion needs enough held-out images',
  source: `${ABSTRACT} ("better initialized sub-networks that are positioned more advantageously in the loss landscape"); the criterion, validation loss at initialisation, is our reading`,
  check({ data }) {
    const v = data.val ?? 0;
    if (v >= 500) return [];
    return [
      {
        path: ['data', 'val'],
        target: 'value',
        severity: 'warning',
        message: `The search ranks candidates by their loss on ${fmtInt(v)} validation images: with fewer than 500 the differences between candidates are mostly sampling noise, and the "best" mask is a random one. Use 1,000.`,
        fixes: [
          {
            title: 'Hold out 1,000 validation images',
            edits: [{ kind: 'setValue', path: ['data', 'val'], value: 1000 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const margin: Rule = {
  code: 'random-search-sparse/margin',
  title: 'The equivalence margin must be small enough to mean "no better"',
  source: 'Schuirmann 1987 (TOST); next-batches.md §A1: equivalence at ±1 pp',
  check({ search }) {
    if (search.margin <= 0.02) return [];
    return [
      {
        path: ['search', 'margin'],
        target: 'value',
        severity: 'warning',
        message: `A margin of ±${(100 * search.margin).toFixed(1)} pp calls networks "equivalent" that differ by more than most sparsity papers' claimed gains. Use 1 pp.`,
        fixes: [
          {
            title: 'Use ±1 pp',
            edits: [{ kind: 'setValue', path: ['search', 'margin'], value: 0.01 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const randomSearchSparseRules: Rule[] = [
  repeats,
  candidates,
  sparsityLeavesUnits,
  validationSize,
  margin,
  ...imageDataRules,
  ...trainRules,
];
