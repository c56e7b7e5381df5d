/** Random Teachers are Good Teachers (Sarnthein et al., ICML 2023). No tfjs here: see recipe.ts. */
import { definePaper } from '../../core/paper';
import { randomTeachersSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { work } from './work';

export const randomTeachers = definePaper({
  id: 'random-teachers',
  title: 'Random Teachers are Good Teachers',
  tier: 'A',
  cluster: 'random weights',
  summary:
    "A student distilled from a frozen random teacher, without labels or augmentation, learns features that probe far better than the teacher's.",
  claims:
    "Distilling a student into a teacher at random initialisation (DINO loss, no data augmentation, no labels) gives a student whose representations probe much better than its teacher's; they are data-dependent and transfer between tasks, but deteriorate if trained on random inputs. The student checkpoint contains lottery tickets and lies on the border of linear basins. Feature learning is strongly amplified when the student is initialised close to the teacher.",
  citation:
    'Felix Sarnthein, Gregor Bachmann, Sotiris Anagnostidis, Thomas Hofmann. Random Teachers are Good Teachers. ICML 2023.',
  schema: randomTeachersSchema,
  rules,
  paperSetting: setting,
  references,
  figures,
  exampleYaml,
  scaleNote:
    'The paper probes ResNet/VGG students on CIFAR10 (and more) with a 2048-2048 head and 65,536 outputs; here an MLP encoder (256-256) on Fashion-MNIST, a 256-wide head, a 64-wide bottleneck and 1,024 outputs, 600 steps on 20,000 unlabelled images, probed on 1,000 labelled ones. The lottery-ticket and loss-landscape analyses are not run.',
  arms: [
    {
      id: 'student',
      label: 'distilled student (one line per init α: 0 = copy of the teacher, 1 = independent)',
      role: 'method',
    },
    { id: 'teacher', label: 'random teacher (frozen)', role: 'control' },
    { id: 'pixels', label: 'raw pixels', role: 'control' },
  ],
  keySettings: [
    { label: 'α', path: ['distill', 'alphas'] },
    { label: 'steps', path: ['distill', 'steps'] },
    { label: 'τ_t', path: ['distill', 'teacher_temp'] },
    { label: 'out', path: ['model', 'out_dim'] },
  ],
  work,
});
