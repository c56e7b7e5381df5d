/** COCO minival box AP from the official README (ChenJoya/sampling-free README.md), read there. Not drawn: this paper does not train here. */
import type { ReferenceNumber } from '../../core/figures/spec';

const README = 'ChenJoya/sampling-free README.md, COCO table (box AP, minival)';
const VOC = 'ChenJoya/sampling-free README.md, PASCAL VOC table (mAP, 07 test)';
const note = 'Detectors with ResNet-50 FPN backbones; ours would be objectness on digit canvases, AP per cell.';

export const references: ReferenceNumber[] = [
  {
    id: 'sf-retinanet',
    label: 'RetinaNet R50: focal loss 36.4 → sampling-free 36.8 box AP',
    y: 0.368,
    series: { arm: 'sampling_free' },
    source: README,
    confirmed: true,
    note,
  },
  {
    id: 'sf-retinanet-focal',
    label: 'RetinaNet R50 with focal loss: 36.4 box AP',
    y: 0.364,
    series: { arm: 'focal' },
    source: README,
    confirmed: true,
    note,
  },
  {
    id: 'sf-fcos',
    label: 'FCOS R50: 37.1 → 37.6 box AP',
    y: 0.376,
    series: { arm: 'sampling_free' },
    source: README,
    confirmed: true,
    note,
  },
  {
    id: 'sf-faster',
    label: 'Faster R-CNN R50: biased sampling 36.8 → sampling-free 38.4 box AP',
    y: 0.384,
    series: { arm: 'sampling_free' },
    source: README,
    confirmed: true,
    note,
  },
  {
    id: 'sf-voc-retinanet',
    label: 'RetinaNet on VOC07: 79.3 → 80.1 mAP',
    y: 0.801,
    series: { arm: 'sampling_free' },
    source: VOC,
    confirmed: true,
    note,
  },
];
