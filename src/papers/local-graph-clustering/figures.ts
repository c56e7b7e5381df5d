/** F1 of the recovered cluster vs the label flip rate, per method; and how far each diffusion spread. */
import type { FigureSpec } from '../../core/figures/spec';

const flip = {
  source: { kind: 'tag' as const, tag: 'flip' },
  label: 'label flip rate',
  scale: 'linear' as const,
  percent: true,
};

export const figures: FigureSpec[] = [
  {
    id: 'lgc-f1',
    title: 'Recovery of the target cluster vs label noise',
    paperFigure: '§4, synthetic experiments (F1 vs label noise)',
    caption:
      'Mean F1 over replications of the cluster found from one seed node: ℓ2 flow diffusion on the graph reweighted by the noisy labels (edges between two label-1 nodes keep weight 1, others ε), the same diffusion on the original graph, and the set of label-1 nodes. The paper: the weighted graph beats both while the labels are accurate enough.',
    kind: 'summary',
    x: flip,
    y: [{ source: { kind: 'value', key: 'f1' }, label: 'F1', scale: 'linear', percent: true }],
    lineBy: ['arm'],
    references: ['lgc-real-data-gain', 'lgc-beats-original-0.1', 'lgc-beats-original-0.2', 'lgc-beats-original-0.3'],
  },
  {
    id: 'lgc-locality',
    title: 'Nodes reached by each diffusion',
    caption:
      'Mean size of the diffusion’s support: a local method touches a neighbourhood of the seed, not the graph. The labels-only arm needs every node’s label (the whole graph).',
    kind: 'summary',
    x: flip,
    y: [{ source: { kind: 'value', key: 'support' }, label: 'nodes in the support', scale: 'linear' }],
    lineBy: ['arm'],
  },
];
