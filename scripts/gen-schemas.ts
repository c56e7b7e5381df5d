// Writes dist/schemas/experiment.schema.json from the papers' TypeBox schemas (run by esbuild.mjs).
// Usage: node --import tsx scripts/gen-schemas.ts <outdir>
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { experimentJsonSchema } from '../src/core/config/jsonSchema';
import { paperRegistry } from '../src/papers/index';

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: gen-schemas.ts <outdir>\n');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const file = path.join(out, 'experiment.schema.json');
writeFileSync(file, JSON.stringify(experimentJsonSchema(paperRegistry), null, 2) + '\n');
process.stdout.write(`wrote ${file}\n`);
