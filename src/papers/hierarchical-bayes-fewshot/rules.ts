/** What the hierarchical-bayes-fewshot schema cannot say. */
import type { PaperRule } from '../../core/paper';
import { fmtInt } from '../common/rules';
import type { NiwConfig } from './schema';

type Rule = PaperRule<NiwConfig>;

const README = 'minyoungkim21/niwmeta README, "How to run"';

const underdetermined: Rule = {
  code: 'hierarchical-bayes-fewshot/too-few-shots',
  title: 'An episode needs at least as many support points as its function has parameters',
  source: `${README} (SineLine; --nSupport 5): a sine has an amplitude and a phase, a line a slope and an intercept`,
  check({ task }) {
    if (task.shots >= 2) return [];
    return [
      {
        path: ['task', 'shots'],
        target: 'value',
        severity: 'warning',
        message: `${task.shots} support point cannot pin down a two-parameter function: every method can only return its prior, so the arms will not differ.`,
      },
    ];
  },
};

const burnin: Rule = {
  code: 'hierarchical-bayes-fewshot/burnin-exceeds-training',
  title: 'The global variable must be updated during meta-training',
  source: `${README} (--burnin 0)`,
  check({ niw, meta }) {
    if (niw.burnin < meta.episodes) return [];
    return [
      {
        path: ['niw', 'burnin'],
        target: 'value',
        severity: 'error',
        message: `burnin (${fmtInt(niw.burnin)}) is not shorter than meta-training (${fmtInt(meta.episodes)} episodes): the NIW global variable would never learn from the episodes.`,
        fixes: [
          {
            title: "Use the README's 0",
            edits: [{ kind: 'setValue', path: ['niw', 'burnin'], value: 0 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const mamlBaseline: Rule = {
  code: 'hierarchical-bayes-fewshot/no-maml-baseline',
  title: 'NIW-Meta is compared with MAML',
  source:
    'Kim & Hospedales 2023, abstract ("more attractive than the MAML in that it is not required to maintain computational graphs")',
  check({ arms }) {
    if (!arms.includes('niw') || arms.includes('fomaml')) return [];
    return [
      {
        path: ['arms'],
        target: 'value',
        severity: 'warning',
        message: "Without `fomaml` there is no MAML baseline to compare NIW-Meta's one-time episodic updates with.",
        fixes: [
          {
            title: 'Add the fomaml arm',
            edits: [{ kind: 'setValue', path: ['arms'], value: [...arms, 'fomaml'] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [underdetermined, burnin, mamlBaseline];
