/** `paper: grokking-lazy-rich` — Kumar et al. 2024. No tfjs here (see ../types.ts). */
import { definePaper } from '../../core/paper';
import { LazyRichSchema } from './schema';
import { rules } from './rules';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { lazyRichWork } from './work';

const NB = "authors' notebook grokking-feature-timescales-anon-final.ipynb (research notes §1)";

export const grokkingLazyRich = definePaper({
  id: 'grokking-lazy-rich',
  title: 'Grokking as the Transition from Lazy to Rich Training Dynamics',
  tier: 'A',
  cluster: 'dynamics',
  summary:
    'Test loss first follows the initial-kernel (lazy) solution and only later drops as features are learned; the output scale α sets the delay.',
  claims:
    'Grokking — a late drop in test loss long after the training loss has fallen — can arise without regularization, from the network first fitting ' +
    'the data with its initial kernel (lazy dynamics) and only later learning features (rich dynamics). The delay is controlled by the laziness ' +
    '(output scale α) and by how well the initial neural tangent kernel aligns with the target; weight norms grow in the rich phase.',
  citation: 'Tanishq Kumar, Blake Bordelon, Samuel J. Gershman, Cengiz Pehlevan. ICLR 2024.',
  schema: LazyRichSchema,
  rules,
  paperSetting: [
    { path: ['data', 'dim'], value: 100, source: NB },
    {
      path: ['data', 'train'],
      value: 550,
      source: NB,
      noteDeparture: true,
      why: 'P relative to D sets how much the kernel solution can fit.',
    },
    { path: ['model', 'width'], value: 500, source: NB },
    { path: ['model', 'epsilon'], value: 0.02, source: `${NB}; Fig. 4 uses 0.25`, noteDeparture: true },
    {
      path: ['model', 'center'],
      value: true,
      source: NB,
      noteDeparture: true,
      why: 'Without centring, a large-α network starts with a huge output.',
    },
    {
      path: ['train', 'lr_mode'],
      value: 'scaled',
      source: `${NB}: lr = N/α²`,
      noteDeparture: true,
      why: 'Holding η·α²/N fixed keeps step size and laziness from being confounded.',
    },
    { path: ['train', 'steps'], value: 100000, source: NB },
  ],
  references,
  figures,
  exampleYaml,
  scaleNote:
    "The paper's sizes (D = 100, P = 550, N = 500) already fit a laptop. We take 10× the paper's step size for 3000 steps per α, the same gradient-flow " +
    "time as 30000 of the paper's steps (the charts' x axis counts steps at the paper's η, and in the lazy phase the two agree to 3 digits), instead of 100000, and sweep α ∈ {0.5, 1, 4} " +
    "instead of Fig. 3's nine values, so the largest-α run stops before it leaves the lazy plateau. The reference marks come from our notes' re-implementation, " +
    'not from the paper, whose abstract gives no numbers.',
  work: lazyRichWork,
  arms: [
    { id: 'network', label: 'network', role: 'method' },
    { id: 'kernel', label: 'kernel regression at the initial NTK', role: 'control' },
  ],
  keySettings: [
    { label: 'alphas', path: ['train', 'alphas'] },
    { label: 'steps', path: ['train', 'steps'] },
    { label: 'lr', path: ['train', 'lr'] },
  ],
});
