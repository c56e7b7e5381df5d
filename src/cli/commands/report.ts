/**
 * `paperlab report <run folders…> [-o report.html]`: one self-contained HTML file with the
 * dashboard's charts of those runs (the same bundle, the data inlined, no network), to send to a
 * colleague or attach to a CI job. A folder of run folders (e.g. `.paperlab/runs`) means all of them.
 * Exit code: 0 written, 2 on usage errors (no runs, nothing to write with).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { buildReport, expandRunDirs, findReportAssets } from '../../core/report/report';
import { paperKeySettings, paperSettingSpec, paperView } from '../../papers/view';

interface ReportCliOptions {
  output: string;
  title: string;
  includeHost?: boolean;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('Write one self-contained HTML file with the charts of some runs (opens offline in any browser)')
    .argument('<runs...>', 'run folders, or folders of run folders such as .paperlab/runs')
    .option('-o, --output <file>', 'where to write the report', 'paperlab-report.html')
    .option('--title <title>', 'the page title', 'Paperlab report')
    .option('--include-host', 'keep host names, process ids and config paths in the report (left out by default)')
    .action(async (args: string[], opts: ReportCliOptions) => {
      const { dirs, warnings } = expandRunDirs(args);
      for (const w of warnings) process.stderr.write(`paperlab report: ${w}\n`);
      if (dirs.length === 0) {
        process.stderr.write(
          'paperlab report: no run folders found. A run folder has a manifest.json (runs are written to .paperlab/runs by default).\n',
        );
        process.exitCode = 2;
        return;
      }
      // dist/cli.js sits next to dist/webview.js and dist/dashboard.css; from the sources (tsx) the root is three levels up.
      const assets = findReportAssets(__dirname);
      if (!assets) {
        process.stderr.write(
          'paperlab report: the dashboard bundle (webview.js and dashboard.css beside cli.js) is missing: run `npm run build` first.\n',
        );
        process.exitCode = 2;
        return;
      }
      const result = await buildReport(dirs, {
        assets,
        paperView,
        keySettingsOf: paperKeySettings,
        paperSettingOf: paperSettingSpec,
        title: opts.title,
        includeHost: opts.includeHost,
      });
      for (const w of result.warnings) process.stderr.write(`paperlab report: ${w}\n`);
      if (result.runs.length === 0) {
        process.stderr.write('paperlab report: none of the folders could be read as a run: nothing written.\n');
        process.exitCode = 2;
        return;
      }
      const out = path.resolve(opts.output);
      try {
        writeFileSync(out, result.html);
      } catch (err) {
        process.stderr.write(
          `paperlab report: cannot write ${opts.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`,
        );
        process.exitCode = 2;
        return;
      }
      const kb = Math.round(Buffer.byteLength(result.html) / 1024);
      process.stdout.write(
        `wrote ${path.relative(process.cwd(), out) || out} (${result.runs.length} run${result.runs.length === 1 ? '' : 's'}, ${kb} KB)\n`,
      );
    });
}
