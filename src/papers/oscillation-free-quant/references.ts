/** ImageNet top-1 from the official README (nbasyl/OFQ README.md, "Models"), read there. Not drawn yet: this paper does not train here. */
import type { ReferenceNumber } from '../../core/figures/spec';

const README = 'nbasyl/OFQ README.md, ImageNet-1K table';
const note = 'DeiT/Swin on ImageNet; ours would be an MLP on Fashion-MNIST.';

export const references: ReferenceNumber[] = [
  {
    id: 'ofq-deit-t-fp',
    label: 'DeiT-T float: 72.02% top-1',
    y: 0.7202,
    series: { arm: 'float' },
    source: README,
    confirmed: true,
    note,
  },
  {
    id: 'ofq-deit-t-w2a2',
    label: 'OFQ DeiT-T 2-bit weights and activations: 64.33%',
    y: 0.6433,
    series: { arm: 'statsq_cga' },
    source: README,
    confirmed: true,
    note,
  },
  {
    id: 'ofq-deit-s-w2a2',
    label: 'OFQ DeiT-S 2-bit: 75.72% (float 79.9%)',
    y: 0.7572,
    series: { arm: 'statsq_cga' },
    source: README,
    confirmed: true,
    note,
  },
  {
    id: 'ofq-swin-t-w2a2',
    label: 'OFQ Swin-T 2-bit: 78.52% (float 81.2%)',
    y: 0.7852,
    series: { arm: 'statsq_cga' },
    source: README,
    confirmed: true,
    note,
  },
  {
    id: 'ofq-sota-gap',
    label: '2-bit DeiT-T / DeiT-S beat the previous state of the art by 9.8% / 7.7%',
    series: { arm: 'statsq_cga' },
    source: 'Liu et al. 2023, abstract',
    confirmed: true,
    note: 'Against earlier quantizers on ImageNet; our baseline would be LSQ only.',
  },
];
