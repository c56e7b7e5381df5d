/** What the learngene-sws setting implies across fields, each rule citing the paper's abstract. */
import type { PaperRule } from '../../core/paper';
import { imageDataRules } from '../common/rules';
import type { LearngeneSwsConfig } from './schema';

type Rule = PaperRule<LearngeneSwsConfig>;

const ABSTRACT = 'Xia et al. 2024, abstract';

const stages: Rule = {
  code: 'learngene-sws/stage-mismatch',
  title: "Descendants have the auxiliary net's stages",
  source: `${ABSTRACT} ("we expand these learngene layers containing stage information at their corresponding stage to initialize models of variable depths")`,
  check({ aux, descendants }) {
    const S = aux.blocks_per_stage.length;
    const bad = descendants.depths.findIndex((d) => d.length !== S);
    if (bad < 0) return [];
    return [
      {
        path: ['descendants', 'depths', bad],
        target: 'value',
        severity: 'error',
        message: `Descendant ${bad + 1} has ${descendants.depths[bad].length} stages but the learngene has ${S}: each stage's blocks are copied from that stage's learngene block, so the counts must match.`,
      },
    ];
  },
};

const sharing: Rule = {
  code: 'learngene-sws/no-sharing',
  title: 'Without repeated blocks in a stage nothing is shared',
  source: `${ABSTRACT} ("an auxiliary model comprising multiple stages where the layer weights in each stage are shared")`,
  check({ aux }) {
    if (aux.blocks_per_stage.some((n) => n > 1)) return [];
    return [
      {
        path: ['aux', 'blocks_per_stage'],
        target: 'value',
        severity: 'warning',
        message:
          "Every stage has one block: the auxiliary net shares no weights, which makes it the `learngene_untied` control, not SWS. The expansion guidance comes from applying each stage's block several times during learning.",
        fixes: [
          {
            title: 'Three blocks per stage',
            edits: [{ kind: 'setValue', path: ['aux', 'blocks_per_stage'], value: aux.blocks_per_stage.map(() => 3) }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const oneEpoch: Rule = {
  code: 'learngene-sws/one-epoch',
  title: 'The striking claim is after one epoch of tuning',
  source: `${ABSTRACT} ("In some cases, SWS performs better only after 1 epoch tuning")`,
  check({ descendants }) {
    if (descendants.epochs === 1) return [];
    return [
      {
        path: ['descendants', 'epochs'],
        target: 'value',
        severity: 'info',
        message: `Descendants are tuned ${descendants.epochs} epochs: the longer they train, the less the init matters. The paper's notable claim is after one.`,
        fixes: [{ title: 'Tune 1 epoch', edits: [{ kind: 'setValue', path: ['descendants', 'epochs'], value: 1 }] }],
      },
    ];
  },
};

const scratch: Rule = {
  code: 'learngene-sws/missing-scratch',
  title: 'SWS is compared with training from scratch',
  source: `${ABSTRACT} ("SWS achieves consistent better performance compared to many models trained from scratch")`,
  check({ arms }) {
    if (!arms.includes('sws') || arms.includes('scratch')) return [];
    return [
      {
        path: ['arms'],
        severity: 'warning',
        message:
          'No `scratch` arm: the same descendants from a random init, trained as long, are the baseline of the claim.',
        fixes: [
          {
            title: 'Add scratch',
            edits: [{ kind: 'setValue', path: ['arms'], value: [...arms, 'scratch'] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const reference: Rule = {
  code: 'learngene-sws/reference-longer',
  title: 'The long from-scratch reference must train longer than the tuning',
  source: `${ABSTRACT} ("reducing around 6.6× total training costs" against models trained from scratch)`,
  check({ arms, descendants: d }) {
    if (!arms.includes('scratch_long') || d.reference_epochs > d.epochs) return [];
    return [
      {
        path: ['descendants', 'reference_epochs'],
        target: 'value',
        severity: 'warning',
        message: `reference_epochs (${d.reference_epochs}) is not more than the tuning epochs (${d.epochs}): \`scratch_long\` would be the same as \`scratch\`.`,
        fixes: [
          {
            title: `Train the reference ${4 * d.epochs} epochs`,
            edits: [{ kind: 'setValue', path: ['descendants', 'reference_epochs'], value: 4 * d.epochs }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const teacher: Rule = {
  code: 'learngene-sws/teacher-trained',
  title: 'The learngene is distilled from a well-trained model',
  source: `${ABSTRACT} ("learns one compact part termed as learngene from a large well-trained model")`,
  check({ teacher: t }) {
    if (t.epochs >= 2) return [];
    return [
      {
        path: ['teacher', 'epochs'],
        target: 'value',
        severity: 'warning',
        message: `A teacher trained ${t.epochs} epoch has little to pass on: the learngene would inherit a weak model's knowledge.`,
        fixes: [
          {
            title: 'Train it 5 epochs',
            edits: [{ kind: 'setValue', path: ['teacher', 'epochs'], value: 5 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [stages, sharing, oneEpoch, scratch, reference, teacher, ...imageDataRules];
