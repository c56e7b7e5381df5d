/** `paper: sensitivity-sampling` — Woodruff & Yasuda. No tfjs here. */
import { definePaper } from '../../core/paper';
import { ssSchema } from './schema';
import { rules } from './rules';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { ssWork } from './work';

export const sensitivitySampling = definePaper({
  id: 'sensitivity-sampling',
  title: 'Sharper Bounds for ℓp Sensitivity Sampling',
  tier: 'B',
  cluster: 'data',
  summary:
    'Sampling rows by their ℓp sensitivity embeds A with roughly S^{2/p} rows (1 ≤ p < 2), not the general S·d; here a benchmark of the rows needed against estimated S.',
  claims:
    'Sensitivity sampling keeps, in general, about S·d rows (S the total sensitivity, d the dimension). For ℓp subspace embeddings the paper shows roughly S^{2/p} rows for 1 ≤ p < 2 (tight for some matrices) and S^{2−2/p} for 2 < p < ∞; ' +
    'root-leverage sampling needs roughly d rows for 1 ≤ p < 2, and leverage plus sensitivity sampling d^{2/p}·S^{2−4/p} for p > 2 (abstract).',
  citation:
    'Woodruff, Yasuda. Sharper Bounds for ℓp Sensitivity Sampling. ICML 2023, PMLR 202:37238–37272 (arXiv 2306.00732).',
  schema: ssSchema,
  rules,
  paperSetting: [
    {
      path: ['p'],
      value: 1,
      source: 'our research notes’ test case; the paper’s bounds cover 1 ≤ p < ∞ (abstract)',
      why: 'At p = 1 the paper’s S² and the general S·d differ most where S ≪ d.',
    },
    {
      path: ['sampling', 'distortion'],
      value: 0.2,
      source: 'our research notes (the paper’s bounds hold for any ε, with an ε⁻² factor)',
    },
  ],
  references,
  figures,
  exampleYaml,
  scaleNote:
    'A benchmark stand-in: the paper has no experiments; its bounds are worst case. Sensitivities are estimated (Lewis-direction lower bounds, with S from 12 rows per matrix computed exactly by IRLS), and distortion is measured on 250 test directions and one ℓ1 regression, not over the whole subspace — so the rows needed are typical-case counts set beside the bounds’ exponents.',
  work: ssWork,
  arms: [
    { id: 'sensitivity', label: 'sampling ∝ estimated ℓp sensitivities', role: 'method' },
    { id: 'root_leverage', label: 'sampling ∝ leverage^{p/2} (root leverage at p = 1)', role: 'method' },
    { id: 'uniform', label: 'uniform sampling', role: 'control' },
  ],
  keySettings: [
    { label: 'p', path: ['p'] },
    { label: 'n', path: ['matrix', 'rows'] },
    { label: 'd', path: ['matrix', 'dims'] },
    { label: 'structures', path: ['matrix', 'structures'] },
    { label: 'ε', path: ['sampling', 'distortion'] },
    { label: 'trials', path: ['sampling', 'trials'] },
  ],
});
