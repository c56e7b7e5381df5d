// Runs one bench file: it exports `run(): Promise<object>`; the result is printed after a marker line.
import { pathToFileURL } from 'node:url';

const file = process.argv[2];
// No top-level await: without "type": "module", tsx compiles this file to CommonJS, where TLA is an
// error; and a CommonJS-compiled bench module exposes its exports under `default`.
void (async () => {
  const mod = await import(pathToFileURL(file).href);
  const run = mod.run ?? mod.default?.run;
  const result = await run();
  process.stdout.write('\n@@RESULT@@' + JSON.stringify(result));
  process.exit(0);
})();
