// Worst inputs, bounded (issue 11 §3): peak memory and time of the real `paperlab` command (the
// production dist/cli.js) on hostile files, beside the same command on an ordinary input in the same
// run. The hostile files are made here, in a temporary folder, and deleted after:
//  - `lint` on a symbolic link to /dev/zero (it grew to 16.8 GB before aborting);
//  - `report` on a runs folder holding one real 600 MB metrics.jsonl (past the reader's 256 MB limit:
//    refused from its size, unread) and one ordinary run;
//  - `report` on a 200 MB metrics.jsonl (under the limit: read in 4 MB chunks, each series thinned to
//    4,000 points as it is read), to show the memory of a report that does read a huge log.
// Peak memory is the process's own maxRSS (bench/rss-preload.cjs), in MiB.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, round } from './stats';

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');
const preload = path.join(root, 'bench', 'rss-preload.cjs');

function measure(args: string[], cwd: string, reps: number) {
  const ms: number[] = [];
  const rss: number[] = [];
  let last = '';
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--require', preload, cli, ...args], { cwd, encoding: 'utf8' });
    ms.push(performance.now() - t);
    const m = /@@MAXRSS_KB@@(\d+)/.exec(r.stderr);
    if (!m) throw new Error(`no memory figure from paperlab ${args.join(' ')}: ${r.stderr.slice(-500)}`);
    rss.push(Number(m[1]) / 1024);
    last = `exit ${r.status}: ${r.stderr
      .replace(/\n?@@MAXRSS_KB@@\d+\n?/, '')
      .trim()
      .split('\n')
      .slice(-2)
      .join(' / ')}`;
  }
  return { median_ms: round(median(ms), 0), peak_rss_mib: round(Math.max(...rss), 1), runs: reps, said: last };
}

function manifest(id: string): string {
  return JSON.stringify({
    id,
    paper: 'lottery-ticket',
    name: id,
    status: 'completed',
    startedAt: '2025-01-01T00:00:00Z',
  });
}

/** A metrics log of about `mib` MiB of real event lines (4 series, 5 values each). */
function writeMetrics(file: string, mib: number): number {
  const fd = openSync(file, 'w');
  let bytes = 0;
  let step = 0;
  const target = mib * 2 ** 20;
  try {
    while (bytes < target) {
      let chunk = '';
      for (let k = 0; k < 10_000; k++, step++) {
        const arm = ['ticket', 'random_reinit', 'dense', 'ticket_r2'][step % 4];
        chunk += `{"type":"metric","step":${step >> 2},"series":{"arm":"${arm}","round":1,"density":0.8},"values":{"train_loss":${(1 / (step + 1)).toFixed(6)},"val_loss":0.3,"val_acc":0.91,"test_loss":0.31,"test_acc":0.905},"time":${step}}\n`;
      }
      writeSync(fd, chunk);
      bytes += Buffer.byteLength(chunk);
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

function writeRun(dir: string, id: string, metricsMiB: number): number {
  mkdirSync(path.join(dir, id), { recursive: true });
  writeFileSync(path.join(dir, id, 'manifest.json'), manifest(id));
  return writeMetrics(path.join(dir, id, 'metrics.jsonl'), metricsMiB);
}

export async function run(): Promise<object> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'paperlab-worst-'));
  try {
    const work = path.join(tmp, 'work');
    mkdirSync(work);
    copyFileSync(path.join(root, 'examples', 'lottery-ticket.exp.yaml'), path.join(work, 'example.exp.yaml'));
    symlinkSync('/dev/zero', path.join(work, 'zero.exp.yaml'));
    const lintExample = measure(['lint', 'example.exp.yaml'], work, 5);
    const lintZero = measure(['lint', 'zero.exp.yaml'], work, 5);

    const normal = path.join(tmp, 'normal');
    writeRun(normal, 'ordinary', 0.1);
    const reportNormal = measure(['report', normal, '-o', path.join(tmp, 'n.html')], work, 3);

    const huge = path.join(tmp, 'huge');
    writeRun(huge, 'ordinary', 0.1);
    const hugeBytes = writeRun(huge, 'runaway', 600);
    const reportHuge = measure(['report', huge, '-o', path.join(tmp, 'h.html')], work, 3);
    rmSync(huge, { recursive: true });

    const big = path.join(tmp, 'big');
    const bigBytes = writeRun(big, 'long', 200);
    const reportBig = measure(['report', big, '-o', path.join(tmp, 'b.html')], work, 1);
    rmSync(big, { recursive: true });

    return {
      lint: { example: lintExample, symlink_to_dev_zero: lintZero },
      report: {
        ordinary_run_100KiB: reportNormal,
        runs_folder_with_600MB_metrics: { metrics_bytes: hugeBytes, ...reportHuge },
        one_run_200MB_metrics_read_and_thinned: { metrics_bytes: bigBytes, ...reportBig },
      },
      loadavg: os.loadavg()[0],
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
