/** What the rich-feature-construction schema cannot say. */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { pct } from '../common/rules';
import type { RfcConfig } from './schema';

type Rule = PaperRule<RfcConfig>;

const CMNIST =
  'ColoredMNIST (Arjovsky et al. 2019), the benchmark of the abstract: colour agreement 0.9 and 0.8 in training, 0.1 at test, 25% label noise';

const trap: Rule = {
  code: 'rich-feature-construction/no-spurious-trap',
  title: 'Colour must beat shape in training and mislead at test, or there is no OOD problem',
  source: CMNIST,
  check({ data }) {
    const out: RuleFinding[] = [];
    const shape = 1 - data.label_noise;
    data.train_envs.forEach((a, i) => {
      if (a <= shape)
        out.push({
          path: ['data', 'train_envs', i],
          target: 'value',
          severity: 'warning',
          message: `In this environment colour agrees with the label ${pct(a)} of the time, no more than shape does (${pct(shape)}, after ${pct(data.label_noise)} label noise): ERM has no reason to prefer the spurious colour.`,
        });
    });
    if (data.test_env >= 0.5)
      out.push({
        path: ['data', 'test_env'],
        target: 'value',
        severity: 'warning',
        message: `At test colour still agrees with the label ${pct(data.test_env)} of the time: a colour-reliant model is not punished, so the test is not out of distribution.`,
      });
    return out;
  },
};

const envsDiffer: Rule = {
  code: 'rich-feature-construction/identical-environments',
  title: 'IRM needs environments that differ',
  source: `${CMNIST}; IRMv1 penalizes what varies across environments`,
  check({ data }) {
    if (new Set(data.train_envs).size > 1) return [];
    return [
      {
        path: ['data', 'train_envs'],
        target: 'value',
        severity: 'error',
        message: `All training environments have colour agreement ${data.train_envs[0]}: with nothing varying across them, the IRMv1 penalty cannot tell colour from shape.`,
      },
    ];
  },
};

const anneal: Rule = {
  code: 'rich-feature-construction/penalty-never-on',
  title: 'The IRMv1 penalty must switch on before training ends',
  source:
    'Zhang et al. 2022, abstract ("penalty terms … either too strong to optimize reliably or too weak"); IRMv1 anneals its penalty weight',
  check({ irm }) {
    if (irm.anneal_iters < irm.iterations) return [];
    return [
      {
        path: ['irm', 'anneal_iters'],
        target: 'value',
        severity: 'error',
        message: `anneal_iters (${irm.anneal_iters}) is not shorter than IRM training (${irm.iterations} steps): the full penalty never applies, and IRMv1 is ERM.`,
        fixes: [
          {
            title: `Anneal for ${Math.floor(irm.iterations / 5)} steps`,
            edits: [{ kind: 'setValue', path: ['irm', 'anneal_iters'], value: Math.floor(irm.iterations / 5) }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const baseline: Rule = {
  code: 'rich-feature-construction/no-erm-init-baseline',
  title: 'IRMv1 from RFC is compared with IRMv1 from ERM',
  source:
    'Zhang et al. 2022, abstract ("initializing the networks with Bonsai representations consistently helps six OoD methods")',
  check({ arms }) {
    if (!arms.includes('irm_rfc') || arms.includes('irm_erm')) return [];
    return [
      {
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message: 'Without `irm_erm` nothing shows what the RFC initialization adds to IRMv1.',
      },
    ];
  },
};

export const rules: Rule[] = [trap, envsDiffer, anneal, baseline];
