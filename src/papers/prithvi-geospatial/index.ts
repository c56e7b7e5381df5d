/** Foundation Models for Generalist Geospatial Artificial Intelligence (Prithvi, 2023). Schema only. */
import { definePaper } from '../../core/paper';
import { prithviSchema } from './schema';
import { rules } from './rules';
import { setting } from './setting';
import { references } from './references';
import { exampleYaml } from './example';

export const prithviGeospatial = definePaper({
  id: 'prithvi-geospatial',
  title: 'Foundation Models for Generalist Geospatial Artificial Intelligence',
  tier: 'C',
  cluster: 'foundation models',
  summary:
    'Prithvi, a masked-autoencoder ViT pretrained on more than 1 TB of satellite imagery, fine-tunes faster than random init and keeps its accuracy with far fewer labels.',
  claims:
    'Prithvi is a 100M-parameter transformer pretrained with masked reconstruction on more than 1 TB of Harmonized Landsat-Sentinel 2 imagery. Fine-tuned to cloud gap imputation, flood mapping, wildfire scars and crop segmentation, it converges faster than randomly initialized weights, beats a conditional GAN in cloud imputation by up to 5 pp (5.7%) SSIM, and keeps its accuracy when the labelled data are reduced significantly.',
  citation:
    'Johannes Jakubik, Sujit Roy, C. E. Phillips, Paolo Fraccaro, et al. Foundation Models for Generalist Geospatial Artificial Intelligence. arXiv 2310.18660, 2023.',
  schema: prithviSchema,
  rules,
  paperSetting: setting,
  references,
  figures: [],
  exampleYaml,
  scaleNote:
    'Not trained yet, and only ever a stand-in: Fashion-MNIST tiles and a small patch encoder, not HLS imagery and a 100M-parameter ViT; the readout would be test accuracy against the share of labels, pretrained against scratch.',
  needs: ['SEMI'],
  arms: [
    { id: 'mae', label: 'MAE-pretrained encoder', role: 'method' },
    { id: 'scratch', label: 'same encoder from random weights', role: 'control' },
  ],
  keySettings: [
    { label: 'mask', path: ['mae', 'mask_ratio'] },
    { label: 'patch', path: ['model', 'patch_size'] },
    { label: 'unlabeled', path: ['data', 'unlabeled'] },
    { label: 'ft iters', path: ['finetune', 'iterations'] },
  ],
});
