// Runs inside VS Code's extension host: the `run()` of a bundled suite calls this with one loader
// per test file. Test files are bundled, so they are evaluated lazily here, between mocha's
// pre-require and post-require events, exactly as if mocha had required them from disk.
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

/** The line the harness parses for the tier's counts; keep in sync with run.ts. */
export const RESULT_MARKER = 'PAPERLAB_SUITE_RESULT';
export const START_MARKER = 'PAPERLAB_SUITE_START';

export interface SuiteResult {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  failures: { title: string; error: string }[];
}

export function runMocha(suiteName: string, files: [string, () => unknown][]): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.PAPERLAB_TEST_TIMEOUT ?? 30000),
    reporter: 'spec',
  });
  const grep = process.env.PAPERLAB_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const [file, load] of files) {
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    mocha.suite.emit('require', load(), file, mocha);
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }
  console.log(`${START_MARKER} ${suiteName}`);
  return new Promise((resolve, reject) => {
    const failures: SuiteResult['failures'] = [];
    const runner = mocha.run();
    runner.on('fail', (test, err: Error) =>
      failures.push({ title: test.fullTitle(), error: String(err?.message ?? err).split('\n')[0] }),
    );
    runner.on('end', () => {
      const s = runner.stats ?? { passes: 0, failures: failures.length, pending: 0 };
      const result: SuiteResult = {
        suite: suiteName,
        passed: s.passes,
        failed: s.failures,
        skipped: s.pending,
        failures,
      };
      console.log(`${RESULT_MARKER} ${JSON.stringify(result)}`);
      // The desktop runner cannot read the extension host's console; it reads this file instead.
      if (process.env.PAPERLAB_SUITE_RESULTS_FILE)
        writeFileSync(process.env.PAPERLAB_SUITE_RESULTS_FILE, JSON.stringify(result));
      if (s.failures > 0) reject(new Error(`${s.failures} test(s) failed in the ${suiteName} suite`));
      else resolve();
    });
  });
}
