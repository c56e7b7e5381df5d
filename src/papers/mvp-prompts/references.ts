/** The abstract's numbers (read there); no figure draws them: this paper does not train here. */
import type { ReferenceNumber } from '../../core/figures/spec';

const ABSTRACT = 'Raman et al. 2023, abstract';
const note =
  'Averages over 5 NLP datasets, 4 word-substitution attacks and 3 language models; ours would be FGSM on digits.';

export const references: ReferenceNumber[] = [
  {
    id: 'mvp-plus-8',
    label: 'MVP: +8% robust accuracy on average over standard fine-tuning (MLP-FT)',
    relative: { to: { arm: 'mlp_ft' }, offset: 0.08 },
    series: { arm: 'mvp' },
    source: ABSTRACT,
    confirmed: true,
    note,
  },
  {
    id: 'mvp-plus-3.5',
    label: 'MVP: +3.5% over adversarial-training defenses',
    series: { arm: 'mvp' },
    source: ABSTRACT,
    confirmed: true,
    note,
  },
];
