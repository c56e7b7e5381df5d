/**
 * The `paperlab` command: the same core as the extension, for terminals, CI and clusters.
 * Each subcommand lives in `src/cli/commands/<name>.ts` and registers itself here.
 */
import { Command, CommanderError } from 'commander';
import { registerLint } from './commands/lint';
import { registerRun } from './commands/run';
import { registerReport } from './commands/report';
import { registerSweep } from './commands/sweep';

// `paperlab lint … | head` closes the pipe early: that is the reader's choice, not an error to print.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const program = new Command('paperlab')
  .description('Author, lint, run and compare small-scale reproductions of training-dynamics papers.')
  .version('0.1.0')
  .showHelpAfterError('(run "paperlab --help" for usage)')
  .exitOverride();

registerLint(program);
registerRun(program);
registerReport(program);
registerSweep(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    // Help and version are not errors; anything else commander rejects is a usage error (exit 2).
    process.exitCode =
      err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0 ? 0 : 2;
    return;
  }
  process.stderr.write(`paperlab: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
