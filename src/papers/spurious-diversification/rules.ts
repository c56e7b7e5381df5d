/** What the spurious-diversification schema cannot say. */
import type { PaperRule, RuleFinding } from '../../core/paper';
import type { SpuriousConfig } from './schema';

type Rule = PaperRule<SpuriousConfig>;

const ABSTRACT = 'Lin et al. 2024, abstract';

const endpoints: Rule = {
  code: 'spurious-diversification/no-endpoints',
  title: 'The ensemble is judged against both of its endpoints',
  source: `${ABSTRACT} ("WiSE-FT successfully corrects many cases where each individual model makes incorrect predictions")`,
  check({ wise }) {
    const missing = [0, 1].filter((a) => !wise.alphas.includes(a));
    if (!missing.length) return [];
    return [
      {
        path: ['wise', 'alphas'],
        target: 'value',
        severity: 'warning',
        message: `alphas lack ${missing.map((a) => `${a} (${a === 0 ? 'the pretrained model' : 'the fine-tuned model'})`).join(' and ')}: the claim is that the average fixes points both endpoints get wrong, so both must be evaluated.`,
        fixes: [
          {
            title: 'Add the endpoints',
            edits: [
              {
                kind: 'setValue',
                path: ['wise', 'alphas'],
                value: [...new Set([0, ...wise.alphas, 1])].sort((a, b) => a - b),
              },
            ],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const manyFeatures: Rule = {
  code: 'spurious-diversification/few-spurious-features',
  title: 'The theory needs many diverse spurious features',
  source: `${ABSTRACT} ("a multi-class setting with a large number of spurious features"; MultiColorMNIST)`,
  check({ data }) {
    const out: RuleFinding[] = [];
    if (data.spurious_features < 4)
      out.push({
        path: ['data', 'spurious_features'],
        target: 'value',
        severity: 'warning',
        message: `${data.spurious_features} spurious feature${data.spurious_features > 1 ? 's' : ''} leave little to diversify: the paper's explanation is that an ensemble spreads its weight over many spurious features, weakening each.`,
      });
    if (data.ood_correlation >= data.train_correlation)
      out.push({
        path: ['data', 'ood_correlation'],
        target: 'value',
        severity: 'warning',
        message: `The OOD data's colours agree with the label at least as often as in training (${data.ood_correlation} ≥ ${data.train_correlation}): nothing is out of distribution.`,
      });
    return out;
  },
};

const bangCalibrates: Rule = {
  code: 'spurious-diversification/bang-unchanged',
  title: 'BANG differs from WiSE-FT only by a less over-confident fine-tuned model',
  source: `${ABSTRACT} ("overconfidence of fine-tuned models … BAlaNced averaGing (BANG)")`,
  check({ bang, arms }) {
    if (!arms.includes('bang') || bang.label_smoothing > 0 || bang.mixup_alpha > 0) return [];
    return [
      {
        path: ['bang', 'label_smoothing'],
        target: 'value',
        severity: 'error',
        message:
          'With no label smoothing and no mixup, the BANG fine-tuned model is the plain one and `bang` repeats `wise_ft`.',
        fixes: [
          {
            title: 'Use label smoothing 0.1',
            edits: [{ kind: 'setValue', path: ['bang', 'label_smoothing'], value: 0.1 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [endpoints, manyFeatures, bangCalibrates];
