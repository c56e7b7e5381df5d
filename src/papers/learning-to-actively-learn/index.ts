/** Learning to Actively Learn: A Robust Approach (2020). Schema only. */
import { definePaper } from '../../core/paper';
import { lalSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const learningToActivelyLearn = definePaper({
  id: 'learning-to-actively-learn',
  title: 'Learning to Actively Learn: A Robust Approach',
  tier: 'B',
  cluster: 'active learning',
  summary:
    'A query policy trained adversarially over equivalence classes of problems competes with the best per-class policy at tiny query budgets.',
  claims:
    'Instead of deriving adaptive algorithms from concentration bounds, the procedure learns one by adversarial training over equivalence classes of problems built from information-theoretic lower bounds; the single learned algorithm competes with the best one learned for each class. It needs only the queries, hypotheses, loss and budget, and targets very small budgets (a few dozen queries). It is evaluated on synthetic problems, a noisy 20 Questions game and joke recommendation.',
  citation:
    'Jifan Zhang, Lalit Jain, Kevin Jamieson. Learning to Actively Learn: A Robust Approach. arXiv 2010.15382, 2020.',
  schema: lalSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    'Not trained yet. The planned setting is 5-armed Gaussian best-arm identification with 20 pulls; the readout would be the error rate of each allocation in its worst difficulty class.',
  needs: ['RL'],
  arms: [
    { id: 'learned', label: 'adversarially trained policy', role: 'method' },
    { id: 'uniform', label: 'uniform allocation', role: 'control' },
    { id: 'successive_elimination', label: 'successive elimination', role: 'control' },
  ],
  keySettings: [
    { label: 'arms', path: ['problem', 'bandit_arms'] },
    { label: 'budget', path: ['problem', 'budget'] },
    { label: 'classes', path: ['problem', 'classes'] },
    { label: 'rollouts', path: ['policy', 'rollouts'] },
  ],
});
