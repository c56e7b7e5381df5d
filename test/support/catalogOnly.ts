/**
 * A catalog entry with no definition, for the tests of the catalog-only path (a paper Paperlab knows by
 * id and title but neither checks nor runs: `config/schema-not-available`, "schema not available yet"
 * in completion). Every real catalog paper has a definition now; this entry keeps the path tested for
 * the next paper added to the catalog before its folder. Core takes the registry as an argument, so the
 * entry is added to a copy of the real registry, never to src/papers.
 */
import type { PaperInfo, PaperRegistry } from '../../src/core/paper';
import { paperRegistry } from '../../src/papers';

export const CATALOG_ONLY: PaperInfo = {
  id: 'catalog-only-example',
  title: 'A Catalog Paper Without a Schema Yet',
  tier: 'C',
  cluster: 'testing',
  summary: 'Stands for a paper listed in the catalog before its folder exists.',
};

/** The real registry plus CATALOG_ONLY, last in catalog order. */
export const registryWithCatalogOnly: PaperRegistry = {
  get: (id) => (id === CATALOG_ONLY.id ? CATALOG_ONLY : paperRegistry.get(id)),
  all: () => [...paperRegistry.all(), CATALOG_ONLY],
  implemented: () => paperRegistry.implemented(),
  suggest: (unknown, max) => paperRegistry.suggest(unknown, max),
};
