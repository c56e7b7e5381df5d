/**
 * The one JSON Schema file, for YAML tooling (`yamlValidation` in package.json) and for other editors
 * (`$schema`): `paper` is an enum of every catalog id, and each implemented paper adds an if/then with
 * its own schema. Generated from the TypeBox schemas, so editor help and Paperlab's own lint cannot
 * disagree. Not contributed as `jsonValidation`: in `*.exp.json` VS Code would report every schema
 * finding a second time beside Paperlab's (test/vscode/suite/diagnostics.test.ts).
 */
import { isImplemented, type PaperRegistry } from '../paper/types';
import { paperStatus, STATUS_WORDS } from '../paper/blocks';
import { publishedSchema } from './validate';
import { sweepJsonSchema } from '../sweep/spec';

export function experimentJsonSchema(registry: PaperRegistry): Record<string, unknown> {
  const papers = registry.all();
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://paperlab.invalid/schemas/experiment.schema.json',
    title: 'Paperlab experiment config',
    description:
      "One experiment reproducing a training-dynamics paper. `paper` selects the keys; Paperlab's own lint adds the paper's rules.",
    type: 'object',
    required: ['paper'],
    properties: {
      paper: {
        type: 'string',
        enum: papers.map((p) => p.id),
        description: 'Which paper this experiment reproduces: selects the schema, rules and figures.',
        enumDescriptions: papers.map((p) => `${p.title} (tier ${p.tier}) — ${STATUS_WORDS[paperStatus(p)]}`),
      },
    },
    allOf: papers.filter(isImplemented).map((p) => ({
      if: { properties: { paper: { const: p.id } }, required: ['paper'] },
      then: withSweep(publishedSchema(p.schema)),
    })),
  };
}

/** A paper's schema plus the config language's `sweep` block, which every paper's config may have. */
function withSweep(schema: any): any {
  return { ...schema, properties: { ...schema.properties, sweep: sweepJsonSchema() } };
}
