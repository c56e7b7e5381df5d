/** What the sampling-free-detection schema cannot say. */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { pct, momentumIgnored, evalAfterEnd } from '../common/rules';
import type { SamplingFreeConfig } from './schema';

type Rule = PaperRule<SamplingFreeConfig>;

const ABSTRACT = 'Chen et al. 2021, abstract';

const imbalance: Rule = {
  code: 'sampling-free-detection/not-imbalanced',
  title: 'The question only arises under extreme foreground-background imbalance',
  source: `${ABSTRACT} ("to train accurate deep object detectors under the extreme foreground-background imbalance")`,
  check({ data }) {
    // A valid grid has at least one cell; the share of positive cells is at most 1.
    const positives = Math.min(1, data.digits_per_canvas / Math.max(1, data.grid * data.grid));
    if (positives <= 0.1) return [];
    return [
      {
        path: ['data', 'digits_per_canvas'],
        target: 'value',
        severity: 'warning',
        message: `${pct(positives)} of the cells are positive (${data.digits_per_canvas} digit${data.digits_per_canvas > 1 ? 's' : ''} on a ${data.grid}×${data.grid} grid): that is no longer the extreme imbalance the paper studies (anchors are well under 1% positive). Use a finer grid or fewer digits.`,
      },
    ];
  },
};

const canvasFits: Rule = {
  code: 'sampling-free-detection/canvas-geometry',
  title: 'The grid must divide the canvas, and the digits must fit on it',
  source: 'the canvas generator of the research notes (next-batches.md C3: 56×56 canvases, 7×7 grid)',
  check({ data }) {
    const out: RuleFinding[] = [];
    if (data.canvas % data.grid !== 0)
      out.push({
        path: ['data', 'grid'],
        target: 'value',
        severity: 'error',
        message: `A ${data.grid}×${data.grid} grid does not divide a ${data.canvas}-pixel canvas into whole cells (${data.canvas} / ${data.grid} = ${(data.canvas / data.grid).toFixed(2)}).`,
      });
    const room = Math.floor(data.canvas / 28) ** 2;
    if (data.digits_per_canvas > room)
      out.push({
        path: ['data', 'digits_per_canvas'],
        target: 'value',
        severity: 'error',
        message: `${data.digits_per_canvas} digits of 28×28 do not fit without overlap on a ${data.canvas}×${data.canvas} canvas (room for ${room}).`,
      });
    return out;
  },
};

const baselines: Rule = {
  code: 'sampling-free-detection/no-focal-baseline',
  title: 'Sampling-free is compared with focal loss, the soft-sampling baseline it replaces',
  source: 'ChenJoya/sampling-free README, COCO table ("RetinaNet - Focal Loss + Sampling-Free" vs RetinaNet)',
  check({ arms }) {
    if (!arms.includes('sampling_free') || arms.includes('focal')) return [];
    return [
      {
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message:
          'Without the `focal` arm there is nothing to show sampling-free matching focal loss: the paper replaces focal loss in RetinaNet and FCOS.',
        fixes: [
          {
            title: 'Add the focal arm',
            edits: [{ kind: 'setValue', path: ['arms'], value: [...arms, 'focal'] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const mechanism: Rule = {
  code: 'sampling-free-detection/mechanism-off',
  title: 'Sampling-free is initialization plus loss scaling: with both off it is plain cross-entropy',
  source: `${ABSTRACT} ("a reasonable classification gradient magnitude by initialization and loss scaling")`,
  check({ loss, arms }) {
    if (!arms.includes('sampling_free') || loss.prior_init || loss.guided_scaling) return [];
    return [
      {
        path: ['loss', 'prior_init'],
        target: 'value',
        severity: 'error',
        message:
          'With `prior_init` and `guided_scaling` both off, the `sampling_free` arm is the `bce` arm under another name.',
        fixes: [
          {
            title: 'Turn prior_init on',
            edits: [{ kind: 'setValue', path: ['loss', 'prior_init'], value: true }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [imbalance, canvasFits, baselines, mechanism, momentumIgnored, evalAfterEnd];
