/**
 * What the dashboard and the HTML report need of a paper to draw its figures, from its definition.
 * Lives with the papers (it reads the registry), so `core/` can take it as a parameter.
 */
import type { PaperView } from '../core/protocol/dashboard';
import type { KeySetting } from '../core/paper/types';
import { formatSetting } from '../core/runs/settings';
import { getPaper, isImplemented } from './index';

const dotted = (path: readonly (string | number)[]) => path.join('.');

/** The keys a paper states its own value for (its `paperSetting`), labelled by dotted path: read from each run's config. */
export function paperSettingSpec(id: string): readonly KeySetting[] | undefined {
  const p = getPaper(id);
  return p && isImplemented(p) ? p.paperSetting.map((s) => ({ label: dotted(s.path), path: s.path })) : undefined;
}

/** The settings a paper shows beside each run in the run list (its definition's `keySettings`). */
export function paperKeySettings(id: string): readonly KeySetting[] | undefined {
  const p = getPaper(id);
  return p && isImplemented(p) ? p.keySettings : undefined;
}

export function paperView(id: string): PaperView | undefined {
  const p = getPaper(id);
  if (!p || !isImplemented(p)) return undefined;
  return {
    id: p.id,
    title: p.title,
    citation: p.citation,
    figures: p.figures,
    references: p.references,
    scaleNote: p.scaleNote,
    setting: p.paperSetting.flatMap((s) => {
      const paper = formatSetting(s.value);
      return paper === undefined ? [] : [{ key: dotted(s.path), paper }];
    }),
    arms: [...p.arms],
  };
}
