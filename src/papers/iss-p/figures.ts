/** ISS-P figures (transplanted to classification): accuracy during training, gradient throughput, mask flips, final accuracy vs sparsity. */
import type { FigureSpec } from '../../core/figures/spec';

const TRANSPLANT =
  'ISS-P was proposed for super-resolution; here it is transplanted to classification (LeNet-300-100 on Fashion-MNIST).';

export const figures: FigureSpec[] = [
  {
    id: 'issp-final',
    title: 'Final test accuracy vs pruning ratio',
    paperFigure: 'Tables 1–2 (PSNR vs method)',
    caption: `${TRANSPLANT} One point per method and α at each ratio; the paper: ISS-P above IHT and above training a fixed sparse mask.`,
    kind: 'summary',
    x: {
      source: { kind: 'tag', tag: 'ratio' },
      label: 'pruning ratio (% of weights removed)',
      scale: 'linear',
      percent: true,
    },
    y: [
      {
        source: { kind: 'value', key: 'final_test_acc' },
        label: 'final test accuracy (%)',
        scale: 'linear',
        percent: true,
      },
    ],
    lineBy: ['arm', 'alpha'],
    references: ['issp-beats-iht'],
  },
  {
    id: 'issp-acc',
    title: 'Test accuracy during training',
    paperFigure: 'Fig. 1 (prune, then fine-tune)',
    caption: `${TRANSPLANT} The hard mask is fixed at the end of the pruning phase.`,
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'training iteration', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'test_acc' }, label: 'test accuracy (%)', scale: 'linear', percent: true }],
    lineBy: ['arm', 'alpha', 'ratio'],
  },
  {
    id: 'issp-grad',
    title: 'Gradient throughput: ‖∂L/∂W‖ summed over layers',
    paperFigure: 'Fig. (gradient norm during pruning)',
    caption: `${TRANSPLANT} The paper: soft shrinkage keeps a more regular gradient flow than zeroing weights outright.`,
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'training iteration', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'grad_norm' }, label: 'gradient norm (all layers)', scale: 'log' }],
    lineBy: ['arm', 'alpha', 'ratio'],
  },
  {
    id: 'issp-flips',
    title: 'Mask flips: share of the shrunk set that is new at each shrink',
    paperFigure: 'Fig. (dynamic sparse structure)',
    caption: `${TRANSPLANT} ISS-P keeps changing which weights are shrunk; a static mask never does.`,
    kind: 'curves',
    x: { source: { kind: 'step' }, label: 'training iteration', scale: 'linear' },
    y: [{ source: { kind: 'value', key: 'flip_rate' }, label: 'flip rate', scale: 'log' }],
    lineBy: ['arm', 'alpha', 'ratio'],
  },
];
