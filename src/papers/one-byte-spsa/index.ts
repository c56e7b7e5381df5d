/** Just One Byte (per gradient) (Zelikman et al. 2023). No tfjs here: see recipe.ts. */
import { definePaper } from '../../core/paper';
import { oneByteSpsaSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { figures } from './figures';
import { exampleYaml } from './example';
import { work } from './work';

export const oneByteSpsa = definePaper({
  id: 'one-byte-spsa',
  title: 'Just One Byte (per gradient): Low-Bandwidth Decentralized Finetuning Using Shared Randomness',
  tier: 'A',
  cluster: 'optimization',
  summary:
    'Machines that share random seeds fine-tune one model by exchanging a single byte per perturbation (decentralised SPSA).',
  claims:
    "Each iteration, each machine seeds a random number generator with a (machine, sample) identifier, perturbs the weights reproducibly, and shares only the scalar projected gradient; every machine regenerates the others' perturbations from the seeds and applies the same update. Quantized to a single byte, this is highly communication efficient, lets machines join and leave during training, and keeps the memory-efficient, inference-only advantages of MeZO. A proof of concept, without a table of results.",
  citation:
    'Eric Zelikman, Qian Huang, Percy Liang, Nick Haber, Noah D. Goodman. Just One Byte (per gradient): A Note on Low-Bandwidth Decentralized Language Model Finetuning Using Shared Randomness. arXiv 2306.10015 (2023).',
  schema: oneByteSpsaSchema,
  rules,
  paperSetting: setting,
  references,
  figures,
  exampleYaml,
  scaleNote:
    "The paper fine-tunes GPT-2 on SST-2 across real machines; here a 25k-parameter MLP pretrained on MNIST digits is fine-tuned to relabelled digits by 4 machines simulated in one process (one model stands for all replicas, since they apply identical updates). The code's learning rate (0.1) is for GPT-2 and diverges here; ours was chosen by a short sweep (docs/reproductions.md).",
  arms: [
    { id: 'spsa_one_byte', label: 'SPSA, one byte per scalar', role: 'method' },
    { id: 'spsa_float', label: 'SPSA, float32 scalars', role: 'control' },
    { id: 'backprop', label: 'backprop (full gradient)', role: 'control' },
    // The shared starting point of the three fine-tunings: one summary of the pretrained net.
    { id: 'pretrained', label: 'pretrained net (before fine-tuning)', role: 'control' },
  ],
  keySettings: [
    { label: 'machines', path: ['spsa', 'machines'] },
    { label: 'perturbations', path: ['spsa', 'perturbations'] },
    { label: 'lr', path: ['spsa', 'lr'] },
    { label: 'steps', path: ['spsa', 'steps'] },
    { label: 'shift', path: ['shift', 'kind'] },
  ],
  work,
});
