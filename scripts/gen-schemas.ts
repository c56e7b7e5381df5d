// Writes what is generated from the paper definitions (run by esbuild.mjs on every build):
//   <schemas>/experiment.schema.json   from the papers' TypeBox schemas (yamlValidation; `$schema` elsewhere);
//   <examples>/<id>.exp.yaml           each paper's `exampleYaml` (its example.ts), the one source of the
//                                      examples and of "New Experiment from Paper…": never edit them by hand.
// Usage: node --import tsx scripts/gen-schemas.ts <schemas-dir> [<examples-dir>]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { experimentJsonSchema } from '../src/core/config/jsonSchema';
import { paperRegistry } from '../src/papers/index';

const [out, examples] = process.argv.slice(2);
if (!out) {
  process.stderr.write('usage: gen-schemas.ts <schemas-dir> [<examples-dir>]\n');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const file = path.join(out, 'experiment.schema.json');
writeFileSync(file, JSON.stringify(experimentJsonSchema(paperRegistry), null, 2) + '\n');
process.stdout.write(`wrote ${file}\n`);

if (examples) {
  mkdirSync(examples, { recursive: true });
  for (const p of paperRegistry.implemented()) {
    const target = path.join(examples, `${p.id}.exp.yaml`);
    // Only when it changed: a build leaves an up-to-date example (and its timestamp) alone.
    if (existsSync(target) && readFileSync(target, 'utf8') === p.exampleYaml) continue;
    writeFileSync(target, p.exampleYaml);
    process.stdout.write(`wrote ${path.relative(process.cwd(), target)} from ${p.id}'s example.ts\n`);
  }
}
