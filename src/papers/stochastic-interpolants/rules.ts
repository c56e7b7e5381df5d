/** What the stochastic-interpolants schema cannot say. */
import type { PaperRule } from '../../core/paper';
import { evalAfterEnd, momentumIgnored } from '../common/rules';
import type { InterpolantsConfig } from './schema';

type Rule = PaperRule<InterpolantsConfig>;

const ABSTRACT = 'Albergo, Boffi & Vanden-Eijnden 2023, abstract';

const sdeNeedsNoise: Rule = {
  code: 'stochastic-interpolants/sde-without-latent',
  title: 'The SDE sampler needs the score, which a deterministic interpolant does not give',
  source: `${ABSTRACT} ("combining data from the two prescribed densities with an additional latent variable"; the score objective)`,
  check({ interpolant, arms }) {
    if (!arms.includes('sde') || interpolant.gamma_scale > 0) return [];
    return [
      {
        path: ['interpolant', 'gamma_scale'],
        target: 'value',
        severity: 'error',
        message:
          'gamma_scale 0 makes the interpolant deterministic: its density collapses to points at t = 0 and 1 and the score the SDE arm needs is not defined there. Use γ > 0 or drop the `sde` arm.',
        fixes: [
          {
            title: 'Use gamma_scale 1',
            edits: [{ kind: 'setValue', path: ['interpolant', 'gamma_scale'], value: 1 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const odeBaseline: Rule = {
  code: 'stochastic-interpolants/no-ode-baseline',
  title: 'Stochastic dynamics are compared with the deterministic ones',
  source: `${ABSTRACT} ("likelihood control for generative models built upon stochastic dynamics, while likelihood control for deterministic dynamics is more stringent")`,
  check({ arms }) {
    if (arms.includes('ode') && arms.includes('sde')) return [];
    const missing = arms.includes('ode') ? 'sde' : 'ode';
    return [
      {
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message: `Without the \`${missing}\` arm there is nothing to compare: the paper contrasts deterministic (ODE) and stochastic (SDE) samplers built on the same interpolant.`,
        fixes: [
          {
            title: `Add the ${missing} arm`,
            edits: [{ kind: 'setValue', path: ['arms'], value: [...arms, missing] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const stepSize: Rule = {
  code: 'stochastic-interpolants/coarse-sde-steps',
  title: 'Euler–Maruyama needs small steps where the noise is large',
  source: 'heuristic: an Euler–Maruyama step of dt moves a sample by about √(2ε·dt); we ask for ≤ 0.2 at the largest ε',
  check({ sampler, arms }) {
    if (!arms.includes('sde')) return [];
    const eps = Math.max(...sampler.epsilons);
    const kick = Math.sqrt((2 * eps) / sampler.steps);
    if (kick <= 0.2) return [];
    const need = Math.ceil((2 * eps) / 0.04);
    return [
      {
        path: ['sampler', 'steps'],
        target: 'value',
        severity: 'warning',
        message: `With ${sampler.steps} steps and ε = ${eps}, each Euler–Maruyama step kicks a sample by about √(2ε·dt) = ${kick.toFixed(2)}, coarse for a 2-D density of unit scale; ${need} steps keep it at 0.2.`,
        fixes: [
          {
            title: `Use ${need} steps`,
            edits: [{ kind: 'setValue', path: ['sampler', 'steps'], value: need }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [sdeNeedsNoise, odeBaseline, stepSize, momentumIgnored, evalAfterEnd];
