/** NUPES: Non-Uniform Post-Training Quantization via Power Exponent Search. No tfjs here: see recipe.ts. */
import { definePaper } from '../../core/paper';
import { nupesSchema } from './schema';
import { nupesRules } from './rules';
import { nupesSetting } from './setting';
import { nupesExampleYaml } from './example';
import { figures } from './figures';
import { references } from './references';
import { nupesWork } from './work';

export const nupes = definePaper({
  id: 'nupes',
  title: 'NUPES: Non-Uniform Post-Training Quantization via Power Exponent Search',
  tier: 'B',
  cluster: 'quantization',
  summary: 'Searching a power exponent per layer gives non-uniform post-training quantization.',
  claims:
    'Uniform quantization suits bell-shaped weight distributions poorly. Quantizing sgn(w)|w|^a on a uniform grid — a power function, an automorphism that keeps multiplications — with the exponent a searched per layer (and, in NUPES, learned together with the quantized weights) reaches state-of-the-art compression in data-free and data-driven settings.',
  citation:
    'Edouard Yvinec, Arnaud Dapogny, Kevin Bailly. NUPES: Non-Uniform Post-Training Quantization via Power Exponent Search. arXiv 2308.05600 (2023); IEEE TPAMI 2025.',
  schema: nupesSchema,
  rules: nupesRules,
  paperSetting: nupesSetting,
  references,
  figures,
  exampleYaml: nupesExampleYaml,
  scaleNote:
    'The paper quantizes ImageNet CNNs and large language models, weights and activations, and learns new quantized weights with the exponent; here a LeNet-300-100 trained on 20,000 Fashion-MNIST images has only its weights quantized, and the exponent is chosen on a grid (data-free: weight error; data-driven: each layer’s outputs on 256 training images) with rounding to nearest — no weights are relearned.',
  arms: [
    { id: 'power_data_driven', label: 'power quantizer, a on calibration outputs', role: 'method' },
    { id: 'power_data_free', label: 'power quantizer, a on weight error', role: 'method' },
    { id: 'uniform', label: 'uniform (a = 1)', role: 'control' },
    { id: 'float', label: 'float (not quantized)', role: 'control' },
  ],
  keySettings: [
    { label: 'bits', path: ['quant', 'bits'] },
    { label: 'searches', path: ['quant', 'searches'] },
    { label: 'iters', path: ['train', 'iterations'] },
    { label: 'model', path: ['model', 'hidden'] },
  ],
  work: nupesWork,
});
