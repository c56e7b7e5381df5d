/**
 * What the dashboard and the HTML report need of a paper to draw its figures, from its definition.
 * Lives with the papers (it reads the registry), so `core/` can take it as a parameter.
 */
import type { PaperView } from '../core/protocol/dashboard';
import type { KeySetting } from '../core/paper/types';
import { getPaper, isImplemented } from './index';

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
    arms: [...p.arms],
  };
}
