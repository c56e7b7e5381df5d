/**
 * The paper's numbers could not be confirmed by the research notes (§3(c): "Exact accuracies ✗").
 * Its headline is that a large enough randomly pruned network matches (README) or outperforms (arXiv
 * abstract) its dense counterpart — a gap of about zero — which we draw as the zero line of the gap
 * figure, labelled unconfirmed.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'rand-gap-closes',
    label: 'large randomly pruned networks match the dense one (gap ≈ 0)',
    y: 0,
    source: 'Liu et al. 2022, abstract (WRN-50 on ImageNet) and VITA-Group/Random_Pruning README (notes §3(c))',
    confirmed: false,
    note: 'Their networks are ResNets/WRNs on CIFAR/ImageNet; ours are MLPs on Fashion-MNIST. The claim is that the gap shrinks toward this line as width grows.',
  },
];
