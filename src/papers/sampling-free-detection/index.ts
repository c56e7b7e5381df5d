/** Is Heuristic Sampling Necessary in Training Deep Object Detectors? (IEEE TIP 2021). Schema only. */
import { definePaper } from '../../core/paper';
import { samplingFreeSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const samplingFreeDetection = definePaper({
  id: 'sampling-free-detection',
  title: 'Is Heuristic Sampling Necessary in Training Deep Object Detectors?',
  tier: 'C',
  cluster: 'detection',
  summary:
    'Under extreme foreground-background imbalance, a prior-probability bias init plus loss scaling matches or beats focal loss and sampling heuristics.',
  claims:
    'Detectors are trained with hard sampling (biased sampling, OHEM) or soft sampling (focal loss, GHM) because training without them degrades accuracy. The paper traces the degradation to an unreasonable classification gradient magnitude, not to the lack of re-sampling, and removes it by initialization and loss scaling alone ("sampling-free"), with no hyperparameters to search. It beats the sampling heuristics on COCO and PASCAL VOC for anchor-based and anchor-free detectors.',
  citation:
    'Joya Chen, Dong Liu, Tong Xu, Shiwei Wu, Yifei Cheng, Enhong Chen. Is Heuristic Sampling Necessary in Training Deep Object Detectors? IEEE Transactions on Image Processing, 2021.',
  schema: samplingFreeSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    'Not trained yet, and only ever a stand-in: objectness of MNIST digits on blank canvases from a per-cell classifier, not COCO detection; the readout would be per-cell average precision of the three losses.',
  needs: ['DETECT'],
  arms: [
    { id: 'sampling_free', label: 'sampling-free (prior init + loss scaling)', role: 'method' },
    { id: 'focal', label: 'focal loss', role: 'control' },
    { id: 'bce', label: 'plain cross-entropy', role: 'control' },
  ],
  keySettings: [
    { label: 'grid', path: ['data', 'grid'] },
    { label: 'digits', path: ['data', 'digits_per_canvas'] },
    { label: 'γ', path: ['loss', 'focal_gamma'] },
    { label: 'lr', path: ['train', 'lr'] },
  ],
});
