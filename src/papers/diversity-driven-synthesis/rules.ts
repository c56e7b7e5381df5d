/** What the diversity-driven-synthesis schema cannot say. */
import type { PaperRule, RuleFinding } from '../../core/paper';
import type { DdsConfig } from './schema';

type Rule = PaperRule<DdsConfig>;

const SCRIPT = 'AngusDujw/Diversity-Driven-Synthesis, scripts/run_cifar.sh';

const dwaOn: Rule = {
  code: 'diversity-driven-synthesis/no-adjustment',
  title: 'The DWA arm must adjust the weights',
  source: `${SCRIPT} (--steps 12 --rho 15e-3); abstract ("dynamic and directed weight adjustment techniques to modulate the synthesis process")`,
  check({ dwa, arms }) {
    if (!arms.includes('dwa') || (dwa.rho > 0 && dwa.steps > 0)) return [];
    const which = dwa.rho === 0 ? 'rho' : 'steps';
    return [
      {
        path: ['dwa', which],
        target: 'value',
        severity: 'error',
        message: `With ${which} 0 the teacher is never adjusted, so the \`dwa\` arm is the \`no_dwa\` arm; the script uses steps 12, rho 0.015.`,
        fixes: [
          {
            title: "Use the script's value",
            edits: [{ kind: 'setValue', path: ['dwa', which], value: which === 'rho' ? 0.015 : 12 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const rhoSize: Rule = {
  code: 'diversity-driven-synthesis/large-adjustment',
  title: 'The adjustment perturbs the teacher, not replaces it',
  source: `${SCRIPT} (--rho 15e-3)`,
  check({ dwa, arms }) {
    if (!arms.includes('dwa') || dwa.rho <= 0.1) return [];
    return [
      {
        path: ['dwa', 'rho'],
        target: 'value',
        severity: 'warning',
        message: `rho ${dwa.rho} moves the teacher's weights by ${Math.round(dwa.rho * 100)}% of their size, ${Math.round(dwa.rho / 0.015)}× the script's 0.015: the images would match a different network's statistics, not a varied view of the same one.`,
      },
    ];
  },
};

const bnMatching: Rule = {
  code: 'diversity-driven-synthesis/no-statistics',
  title: "Synthesis matches the real data's batch-norm statistics, and is compared without DWA",
  source: `${SCRIPT} (--r-bn 0.01); research notes next-batches.md B23`,
  check({ synthesis, arms }) {
    const out: RuleFinding[] = [];
    if (synthesis.r_bn === 0)
      out.push({
        path: ['synthesis', 'r_bn'],
        target: 'value',
        severity: 'error',
        message:
          "r_bn 0 drops the batch-norm matching loss: the images would only have to be classified, not to carry the real data's statistics.",
        fixes: [
          {
            title: "Use the script's 0.01",
            edits: [{ kind: 'setValue', path: ['synthesis', 'r_bn'], value: 0.01 }],
            preferred: true,
          },
        ],
      });
    if (arms.includes('dwa') && !arms.includes('no_dwa'))
      out.push({
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message: 'Without `no_dwa` nothing isolates what the weight adjustment adds.',
      });
    return out;
  },
};

export const rules: Rule[] = [dwaOn, rhoSize, bnMatching];
