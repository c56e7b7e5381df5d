// Runs one bench file: it exports `run(): Promise<object>`; the result is printed after a marker line.
import { pathToFileURL } from 'node:url';

const file = process.argv[2];
const mod = await import(pathToFileURL(file).href);
const result = await mod.run();
process.stdout.write('\n@@RESULT@@' + JSON.stringify(result));
process.exit(0);
