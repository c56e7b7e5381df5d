/** FedAU (Wang & Ji, ICLR 2024). No tfjs here: see recipe.ts. */
import { definePaper } from '../../core/paper';
import { fedauSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { work } from './work';

export const fedau = definePaper({
  id: 'fedau',
  title: 'A Lightweight Method for Tackling Unknown Participation Statistics in Federated Averaging',
  tier: 'B',
  cluster: 'federated',
  summary:
    "Weighting each client's update by an online estimate of 1/(its participation probability) fixes FedAvg's bias under unknown, heterogeneous participation.",
  claims:
    "With heterogeneous participation statistics, FedAvg with non-optimal aggregation weights can diverge from the optimal solution of the original objective. FedAU adapts the weights online from each client's participation history (the mean interval between participations), without knowing the statistics and without the per-client memory of variance-reduction methods; it converges to an optimal solution with linear speedup and beats the baselines under various participation patterns.",
  citation:
    'Shiqiang Wang, Mingyue Ji. A Lightweight Method for Tackling Unknown Participation Statistics in Federated Averaging. ICLR 2024.',
  schema: fedauSchema,
  rules,
  paperSetting: setting,
  references,
  figures,
  exampleYaml,
  scaleNote:
    "The code's Fashion-MNIST setting (250 clients, Dirichlet 0.1 labels and participation, 5 local steps of batch 16, lr 0.1) with an MLP instead of its CNN and 250 rounds instead of 2,000; one set of learning rates for every arm (the README tunes them per method on CIFAR-10).",
  arms: [
    { id: 'fedau', label: 'FedAU (online 1/p weights)', role: 'method' },
    { id: 'average_participating', label: 'FedAvg (average of participants)', role: 'control' },
    { id: 'known_prob', label: 'oracle (known 1/p)', role: 'control' },
    { id: 'average_all', label: 'average over all clients', role: 'control' },
    // Not trained: one summary of the simulated population (participation probabilities, empty clients).
    { id: 'clients', label: 'the simulated clients', role: 'control' },
  ],
  keySettings: [
    { label: 'participation', path: ['fed', 'participation'] },
    { label: 'rounds', path: ['fed', 'rounds'] },
    { label: 'clients', path: ['fed', 'clients'] },
    { label: 'K', path: ['fed', 'cutoff'] },
  ],
  work,
});
