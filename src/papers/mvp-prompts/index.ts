/** Model-tuning Via Prompts Makes NLP Models Adversarially Robust (EMNLP 2023). Schema only. */
import { definePaper } from '../../core/paper';
import { mvpSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const mvpPrompts = definePaper({
  id: 'mvp-prompts',
  title: 'Model-tuning Via Prompts Makes NLP Models Adversarially Robust',
  tier: 'C',
  cluster: 'NLP robustness',
  summary:
    'Adapting a pretrained model through its own output head (a prompt and a verbalizer) is more robust to adversarial substitutions than appending a new randomly initialized MLP head.',
  claims:
    'The usual practice appends a randomly initialized MLP to a pretrained language model and fine-tunes everything (MLP-FT). Model-tuning Via Prompts (MVP) instead appends a prompt template and predicts by infilling, reusing the pretrained head. Across 5 datasets, 4 attacks and 3 models, MVP improves robustness to adversarial word substitutions by 8% on average over standard methods and beats adversarial-training defenses by 3.5%; combined with adversarial training it improves further.',
  citation:
    'Mrigank Raman, Pratyush Maini, J. Zico Kolter, Zachary C. Lipton, Danish Pruthi. Model-tuning Via Prompts Makes NLP Models Adversarially Robust. EMNLP 2023.',
  schema: mvpSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    'Not trained yet, and only ever a stand-in: an MLP on digits with FGSM in pixel space, not a masked language model under word substitutions; the readout would be robust accuracy of the verbalizer head against a new head at equal clean accuracy.',
  needs: ['ADV'],
  arms: [
    { id: 'mvp', label: 'MVP (verbalizer over the pretrained head)', role: 'method' },
    { id: 'mlp_ft', label: 'MLP-FT (new random head)', role: 'control' },
  ],
  keySettings: [
    { label: 'task', path: ['task', 'downstream'] },
    { label: 'ft lr', path: ['finetune', 'lr'] },
    { label: 'ft iters', path: ['finetune', 'iterations'] },
    { label: 'head', path: ['mlp_head', 'hidden'] },
  ],
});
