/** What the dense Hebbian setting implies across keys (Agliari et al., the paper's §2 and the Hopfield capacity). */
import type { PaperRule, RuleFinding } from '../../core/paper';
import type { DenseHebbianConfig } from './schema';

type Rule = PaperRule<DenseHebbianConfig>;

const PAPER = 'Agliari et al., Dense Hebbian neural networks (replica-symmetric supervised learning)';

export const evenOrder: Rule = {
  code: 'dense-hebbian/even-order',
  title: 'The paper’s analysis takes P even',
  source: `${PAPER}, §2: P even, so the energy −Σ m^P is symmetric under σ → −σ`,
  check({ network: { dense_p } }) {
    if (dense_p % 2 === 0) return [];
    return [
      {
        path: ['network', 'dense_p'],
        target: 'value',
        severity: 'info',
        message: `P = ${dense_p} is odd: the energy is no longer symmetric under flipping every unit, and the paper's phase diagrams (P even) do not apply.`,
        fixes: [
          {
            title: `Set P to ${dense_p + 1}`,
            edits: [{ kind: 'setValue', path: ['network', 'dense_p'], value: dense_p + 1 }],
          },
        ],
      },
    ];
  },
};

export const pairwiseCapacity: Rule = {
  code: 'dense-hebbian/pairwise-over-capacity',
  title: 'Loads above the Hopfield capacity: the pairwise network cannot retrieve',
  source:
    'Amit, Gutfreund & Sompolinsky 1985: P = 2 retrieves clean patterns only below K/N ≈ 0.138; the paper’s ultra-storage regime is beyond it',
  check({ network: { units }, data: { archetypes } }) {
    const out: RuleFinding[] = [];
    archetypes.forEach((k, i) => {
      const load = k / units;
      if (load > 0.138)
        out.push({
          path: ['data', 'archetypes', i],
          target: 'value',
          severity: 'info',
          message: `K = ${k} with N = ${units} is a load of ${load.toFixed(3)}, above the Hopfield capacity 0.138: the pairwise arm fails here by design (the ultra-storage panel), whatever M.`,
        });
    });
    return out;
  },
};

export const testedWithinK: Rule = {
  code: 'dense-hebbian/tested-within-archetypes',
  title: 'Cannot test more archetypes than are stored',
  source: 'heuristic: each tested archetype is a stored one',
  check({ dynamics: { tested }, data: { archetypes } }) {
    const smallest = Math.min(...archetypes);
    if (!(tested > smallest)) return [];
    return [
      {
        path: ['dynamics', 'tested'],
        target: 'value',
        severity: 'warning',
        message: `tested = ${tested} but the smallest K is ${smallest}: only ${smallest} archetypes are retrieved there.`,
        fixes: [
          {
            title: `Set tested to ${smallest}`,
            edits: [{ kind: 'setValue', path: ['dynamics', 'tested'], value: smallest }],
          },
        ],
      },
    ];
  },
};

export const qualityPositive: Rule = {
  code: 'dense-hebbian/quality-positive',
  title: 'Quality r = 0 makes the examples pure noise',
  source: `${PAPER}, §2: examples η = χ ξ with P(χ = 1) = (1 + r)/2; the signal in M examples is r√M`,
  check({ data: { quality } }) {
    if (quality > 0) return [];
    return [
      {
        path: ['data', 'quality'],
        target: 'value',
        severity: 'warning',
        message:
          'With r = 0 the examples carry no information about the archetypes: no network and no M can retrieve them.',
        fixes: [{ title: 'Set quality to 0.3', edits: [{ kind: 'setValue', path: ['data', 'quality'], value: 0.3 }] }],
      },
    ];
  },
};

export const rules: Rule[] = [evenOrder, pairwiseCapacity, testedWithinK, qualityPositive];
