/**
 * What the dashboard and the HTML report need of a paper to draw its figures, from its definition.
 * Lives with the papers (it reads the registry), so `core/` can take it as a parameter.
 */
import type { PaperView } from '../core/protocol/dashboard';
import { getPaper, isImplemented } from './index';

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
  };
}
