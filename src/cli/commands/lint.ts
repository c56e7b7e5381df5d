/**
 * `paperlab lint <files or globs…>`: the same findings as the editor, for terminals and CI.
 * Prints `file:line:col severity code message` (1-based), or JSON with `--format json`.
 * Exit code: 0 clean (warnings allowed), 1 when any finding is an error, 2 on usage errors or
 * unreadable files.
 */
import type { Command } from 'commander';
import { lintText, type Finding } from '../../core/config';
import { readExperimentFileSync } from '../../core/files/experimentFile';
import { expandArgs } from '../files';
import { paperRegistry } from '../../papers';

interface LintCliOptions {
  format: string;
  departures: boolean;
}

export interface FileReport {
  file: string;
  findings: Finding[];
  /** Set when the file could not be read. */
  error?: string;
}

export function lintFiles(files: string[], departures = true): FileReport[] {
  return files.map((file) => {
    // A FIFO, a device or a link to /dev/zero is refused before it is read (it would hang or never end).
    const read = readExperimentFileSync(file);
    if (!read.ok) return { file, findings: [], error: read.problem.message };
    return {
      file,
      findings: lintText(read.text, file, { papers: paperRegistry, paperDepartures: departures }).findings,
    };
  });
}

export function formatText(reports: FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.error) lines.push(`${r.file}: cannot read: ${r.error}`);
    for (const f of r.findings) {
      lines.push(
        `${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}${f.source ? ` [${f.source}]` : ''}`,
      );
    }
  }
  return lines.join('\n');
}

export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(
    reports.map((r) => ({
      file: r.file,
      ...(r.error ? { error: r.error } : {}),
      findings: r.findings.map((f) => ({
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        severity: f.severity,
        code: f.code,
        message: f.message,
        source: f.source,
        fixes: f.fixes?.map((x) => x.title),
      })),
    })),
    null,
    2,
  );
}

export function summary(reports: FileReport[]): string {
  const count = (s: string) => reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0);
  const unreadable = reports.filter((r) => r.error).length;
  return `${reports.length} file${reports.length === 1 ? '' : 's'}: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes${unreadable ? `, ${unreadable} unreadable` : ''}`;
}

export function registerLint(program: Command): void {
  program
    .command('lint')
    .description("Check experiment configs against their paper's schema and rules (exit 1 on errors)")
    .argument('<files...>', 'config files, folders or globs, e.g. "experiments/**/*.exp.yaml"')
    .option('--format <format>', 'text or json', 'text')
    .option('--no-departures', "hide the notes where a config departs from the paper's setting")
    .action((args: string[], opts: LintCliOptions) => {
      if (opts.format !== 'text' && opts.format !== 'json') {
        process.stderr.write(`paperlab lint: --format must be "text" or "json", not "${opts.format}".\n`);
        process.exitCode = 2;
        return;
      }
      const { files, problems } = expandArgs(args);
      for (const p of problems) process.stderr.write(`paperlab lint: ${p}\n`);
      const reports = lintFiles(files, opts.departures);
      if (opts.format === 'json') process.stdout.write(formatJson(reports) + '\n');
      else {
        const text = formatText(reports);
        if (text) process.stdout.write(text + '\n');
        process.stderr.write(summary(reports) + '\n');
      }
      const unreadable = problems.length > 0 || reports.some((r) => r.error);
      const errors = reports.some((r) => r.findings.some((f) => f.severity === 'error'));
      process.exitCode = unreadable ? 2 : errors ? 1 : 0;
    });
}
