/**
 * The order of papers for what the user typed in "New Experiment from Paper…": the paper whose id is
 * the query first, then ids that start with it, then titles that contain it as a whole word, then
 * the rest of VS Code's fuzzy matches in catalog order. Typing "lottery" must put The Lottery Ticket
 * Hypothesis first, so Enter creates the file the user meant. Free of `vscode`.
 */
export interface Rankable {
  id: string;
  title: string;
  /** Position in the catalog (ready papers first). */
  order: number;
}

function score(p: Rankable, q: string): number {
  if (!q) return 0;
  const id = p.id.toLowerCase();
  const title = p.title.toLowerCase();
  const words = title.split(/[^a-z0-9]+/).filter(Boolean);
  const idWords = id.split('-');
  const terms = q.split(/\s+/).filter(Boolean);
  if (id === q) return 100;
  if (id.startsWith(q)) return 90;
  // Every term is a whole word (or a word's start) of the title or id, the first term leading the id.
  const wordHit = (t: string) => words.includes(t) || idWords.includes(t);
  const prefixHit = (t: string) => words.some((w) => w.startsWith(t)) || idWords.some((w) => w.startsWith(t));
  if (terms.every(wordHit)) return idWords[0] === terms[0] || words[0] === terms[0] ? 80 : 70;
  if (terms.every(prefixHit)) return 60;
  if (title.includes(q) || id.includes(q)) return 40;
  return 0;
}

/** `papers` sorted for `query`: best matches first, catalog order among equals. */
export function rankPapers<T extends Rankable>(papers: T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  return [...papers].sort((a, b) => score(b, q) - score(a, q) || a.order - b.order);
}
