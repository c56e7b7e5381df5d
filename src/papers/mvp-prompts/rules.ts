/** What the mvp-prompts schema cannot say. */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { imageDataRules } from '../common/rules';
import type { MvpConfig } from './schema';

type Rule = PaperRule<MvpConfig>;

const mlpBaseline: Rule = {
  code: 'mvp-prompts/no-mlp-ft-baseline',
  title: 'MVP is compared with fine-tuning a new MLP head (MLP-FT)',
  source:
    'Raman et al. 2023, abstract ("append a multilayer perceptron … (MLP-FT)"; "improves … by an average of 8% over standard methods")',
  check({ arms }) {
    if (!arms.includes('mvp') || arms.includes('mlp_ft')) return [];
    return [
      {
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message: "Without `mlp_ft` there is no standard fine-tuning to compare MVP's robustness with.",
        fixes: [
          {
            title: 'Add the mlp_ft arm',
            edits: [{ kind: 'setValue', path: ['arms'], value: [...arms, 'mlp_ft'] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const radii: Rule = {
  code: 'mvp-prompts/epsilon-too-large',
  title: 'Attacks must stay small enough not to change the digit',
  source:
    'heuristic: the research notes compare at ε = 0.1 (next-batches.md C2); beyond 0.3 in ℓ∞ an MNIST digit can be redrawn',
  check({ attack }) {
    const out: RuleFinding[] = [];
    attack.epsilons.forEach((e, i) => {
      if (e > 0.3)
        out.push({
          path: ['attack', 'epsilons', i],
          target: 'value',
          severity: 'warning',
          message: `ε = ${e} lets the attack change a digit's pixels by ${Math.round(e * 100)}% of their range: beyond 0.3 the "adversarial" image can be another digit, and robust accuracy stops meaning robustness.`,
        });
    });
    return out;
  },
};

const cleanGap: Rule = {
  code: 'mvp-prompts/loose-clean-gap',
  title: 'Robustness is compared at equal clean accuracy',
  source:
    'research notes next-batches.md C2 ("at equal clean accuracy (± 1 pp)"); abstract ("while maintaining performance on unperturbed examples")',
  check({ attack }) {
    if (attack.max_clean_gap <= 0.05) return [];
    return [
      {
        path: ['attack', 'max_clean_gap'],
        target: 'value',
        severity: 'warning',
        message: `A clean-accuracy gap of up to ${Math.round(attack.max_clean_gap * 100)} pp lets a less accurate arm look "robust" only because it is worse; keep it at a few points.`,
        fixes: [
          {
            title: 'Use 1 pp',
            edits: [{ kind: 'setValue', path: ['attack', 'max_clean_gap'], value: 0.01 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [mlpBaseline, radii, cleanGap, ...imageDataRules];
