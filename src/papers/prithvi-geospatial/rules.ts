/** What the prithvi-geospatial schema cannot say. */
import type { PaperRule, RuleFinding } from '../../core/paper';
import { evalAfterEnd, fmtInt } from '../common/rules';
import type { PrithviConfig } from './schema';

type Rule = PaperRule<PrithviConfig>;

const ABSTRACT = 'Jakubik et al. 2023, abstract';
const SIDE = 28;

const patches: Rule = {
  code: 'prithvi-geospatial/patch-size',
  title: 'Patches must tile the image, and enough of them must stay visible and hidden',
  source: `${ABSTRACT} (a transformer-based masked autoencoder: a ViT cuts images into non-overlapping patches)`,
  check({ model, mae }) {
    const out: RuleFinding[] = [];
    if (SIDE % model.patch_size !== 0) {
      const ok = [1, 2, 4, 7, 14, 28].reduce((a, b) =>
        Math.abs(b - model.patch_size) < Math.abs(a - model.patch_size) ? b : a,
      );
      out.push({
        path: ['model', 'patch_size'],
        target: 'value',
        severity: 'error',
        message: `A ${model.patch_size}-pixel patch does not tile a 28×28 tile (28 / ${model.patch_size} = ${(SIDE / model.patch_size).toFixed(2)}); use a divisor of 28 such as ${ok}.`,
        fixes: [
          {
            title: `Use ${ok}`,
            edits: [{ kind: 'setValue', path: ['model', 'patch_size'], value: ok }],
            preferred: true,
          },
        ],
      });
      return out;
    }
    const n = (SIDE / model.patch_size) ** 2;
    const hidden = Math.round(n * mae.mask_ratio);
    if (hidden < 1 || hidden >= n)
      out.push({
        path: ['mae', 'mask_ratio'],
        target: 'value',
        severity: 'error',
        message: `With ${n} patch${n > 1 ? 'es' : ''} and mask_ratio ${mae.mask_ratio}, ${hidden} ${hidden === 1 ? 'is' : 'are'} hidden: pretraining needs some patches hidden and some visible.`,
      });
    return out;
  },
};

const maskRatio: Rule = {
  code: 'prithvi-geospatial/low-mask-ratio',
  title: 'Masked autoencoders hide most of the image',
  source: 'research notes next-batches.md C1 (75% masking, the masked-autoencoder setting Prithvi pretrains with)',
  check({ mae }) {
    if (mae.mask_ratio >= 0.5) return [];
    return [
      {
        path: ['mae', 'mask_ratio'],
        target: 'value',
        severity: 'warning',
        message: `mask_ratio ${mae.mask_ratio} leaves most patches visible: reconstruction is then easy from neighbours and teaches little; masked autoencoders hide about 75%.`,
        fixes: [
          {
            title: 'Use 0.75',
            edits: [{ kind: 'setValue', path: ['mae', 'mask_ratio'], value: 0.75 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const fewLabels: Rule = {
  code: 'prithvi-geospatial/no-few-label-run',
  title: 'The claim is about cutting labels: a small labelled share must be run, against a scratch baseline',
  source: `${ABSTRACT} ("data can be decreased significantly without affecting the model's accuracy"; "compared to leveraging randomly initialized weights")`,
  check({ data, arms }) {
    const out: RuleFinding[] = [];
    const least = Math.min(...data.label_fractions);
    if (least > 0.1)
      out.push({
        path: ['data', 'label_fractions'],
        target: 'value',
        severity: 'warning',
        message: `The smallest labelled share is ${Math.round(least * 100)}% (${fmtInt(Math.round(least * data.labeled))} tiles): add a share of 10% or less to see whether pretraining lets labels be cut.`,
      });
    if (arms.includes('mae') && !arms.includes('scratch'))
      out.push({
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message: 'Without `scratch` there is no randomly initialized encoder to compare the pretrained one with.',
      });
    return out;
  },
};

const evalDuringFinetune = {
  ...evalAfterEnd,
  check: (c: PrithviConfig) =>
    evalAfterEnd
      .check({ train: { eval_every: c.finetune.eval_every, iterations: c.finetune.iterations } })
      .map((f) => ({ ...f, path: ['finetune', 'eval_every'], fixes: undefined })),
};

export const rules: Rule[] = [patches, maskRatio, fewLabels, evalDuringFinetune];
