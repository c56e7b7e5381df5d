/** How Powerful are Shallow Neural Networks with Bandlimited Random Weights? (Li et al., ICML 2023). No tfjs here. */
import { definePaper } from '../../core/paper';
import { BandlimitedSchema } from './schema';
import { rules } from './rules';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { bandlimitedWork } from './work';

export const bandlimitedRandomWeights = definePaper({
  id: 'bandlimited-random-weights',
  title: 'How Powerful are Shallow Neural Networks with Bandlimited Random Weights?',
  tier: 'A',
  cluster: 'random weights',
  summary:
    'A shallow net with frozen hidden parameters from a bounded domain may not reach zero approximation error however wide; the right domain depends on the target.',
  claims:
    'Depth-2 random networks — hidden parameters drawn at random and frozen, only the output layer fitted — are not universal approximators when the hidden parameters are distributed in a bounded domain: a nontrivial lower bound on the approximation error holds, by ridgelet analysis. Simulations show that not every distribution of random weights gives a universal approximator, and that a suitable one exists but depends on the complexity of the target function.',
  citation:
    'Ming Li, Sho Sonoda, Feilong Cao, Yu Guang Wang, Jiye Liang. How Powerful are Shallow Neural Networks with Bandlimited Random Weights? ICML 2023.',
  schema: BandlimitedSchema,
  rules,
  paperSetting: [
    {
      path: ['model', 'activation'],
      value: 'sigmoid',
      source: 'Li et al. 2023, §2 (g_d(x) = Σ c_j σ(a_j·x − b_j), σ a general activation; sigmoid is ours)',
      why: "The theorem holds for general σ; the paper's own choice in its simulations could not be read.",
    },
  ],
  references,
  figures,
  exampleYaml,
  scaleNote:
    "The paper's 1-D toy settings (its targets, λ values, activation, whether b shares a's band) could not be read; we use sin(2πkx) on [−1, 1], sigmoid units, a and b both ~ U[−λ, λ], widths up to 800 and a tiny ridge, so the orderings (floors for small λ, a λ that suits the target) are what is compared, not values.",
  arms: [{ id: 'random_net', label: 'random net (c fitted, (a, b) frozen)', role: 'method' }],
  keySettings: [
    { label: 'σ', path: ['model', 'activation'] },
    { label: 'k', path: ['data', 'frequencies'] },
    { label: 'n', path: ['data', 'train'] },
  ],
  work: bandlimitedWork,
});
