/**
 * Paper id → its recipe, loaded lazily so the trainer only evaluates the recipe it runs. Imported by
 * the trainer alone (recipes import tfjs). The template-literal import makes esbuild bundle every
 * `src/papers/<id>/recipe.ts` that exists, so a new paper's recipe needs no edit here.
 */
import type { Recipe } from '../trainer/recipe';
import { getPaper, isImplemented } from './index';
import { cannotTrainYet } from '../core/paper/blocks';

export class NoRecipeError extends Error {}

export async function loadRecipe(paperId: string): Promise<Recipe> {
  const paper = getPaper(paperId);
  if (!paper || !/^[a-z0-9-]+$/.test(paperId)) throw new NoRecipeError(`Unknown paper "${paperId}".`);
  if (!isImplemented(paper))
    throw new NoRecipeError(`Paper "${paperId}" has no schema or training recipe in Paperlab yet.`);
  const missing = cannotTrainYet(paper);
  if (missing) throw new NoRecipeError(missing);
  let mod: { recipe?: Recipe };
  try {
    mod = (await import(`./${paperId}/recipe.ts`)) as { recipe?: Recipe };
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    if (/Cannot find module|Could not resolve|No such module|not found/i.test(msg)) {
      throw new NoRecipeError(`Paper "${paperId}" can be linted but has no training recipe yet, so it cannot run.`);
    }
    throw e;
  }
  if (typeof mod.recipe !== 'function')
    throw new NoRecipeError(`src/papers/${paperId}/recipe.ts does not export \`recipe\`.`);
  return mod.recipe;
}
