/** Oscillation-free Quantization for Low-bit Vision Transformers (ICML 2023). Schema only. */
import { definePaper } from '../../core/paper';
import { ofqSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const oscillationFreeQuant = definePaper({
  id: 'oscillation-free-quant',
  title: 'Oscillation-free Quantization for Low-bit Vision Transformers',
  tier: 'B',
  cluster: 'quantization',
  summary:
    'Learnable quantization scales make weights oscillate between levels; statistics-based scales (StatsQ) and confidence-guided annealing (CGA) calm them and raise low-bit accuracy.',
  claims:
    'In quantization-aware training, weights jump back and forth between two quantized levels. The learnable scaling factor (LSQ) aggravates this oscillation, and in ViTs the query and key weights oscillate together. StatsQ sets the scale from weight statistics, CGA freezes weights that sit confidently inside a level, and query-key reparameterization decouples query and key. 2-bit DeiT-T and DeiT-S beat the previous state of the art by 9.8% and 7.7% on ImageNet.',
  citation:
    'Shih-Yang Liu, Zechun Liu, Kwang-Ting Cheng. Oscillation-free Quantization for Low-bit Vision Transformers. ICML 2023.',
  schema: ofqSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    'Not trained yet. The planned stand-in is 2-bit quantization-aware training of an MLP on Fashion-MNIST (no ViT, so no query-key reparameterization); the readout would be level flips per 100 steps late in training and final accuracy, LSQ against StatsQ and StatsQ + CGA.',
  needs: ['REPARAM', 'ATTENTION'],
  arms: [
    { id: 'statsq_cga', label: 'StatsQ + confidence-guided annealing', role: 'method' },
    { id: 'statsq', label: 'StatsQ (statistical scale)', role: 'method' },
    { id: 'lsq', label: 'LSQ (learnable scale)', role: 'control' },
    { id: 'float', label: 'float (no quantization)', role: 'control' },
  ],
  keySettings: [
    { label: 'W bits', path: ['quant', 'weight_bits'] },
    { label: 'A bits', path: ['quant', 'act_bits'] },
    { label: 'BR', path: ['cga', 'boundary_range'] },
    { label: 'iters', path: ['train', 'iterations'] },
  ],
});
