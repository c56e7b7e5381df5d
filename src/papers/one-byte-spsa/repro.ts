/**
 * The reproduction table for `npm run repro -- one-byte-spsa`, from one run's events: per arm the
 * accuracy on the shifted task before and after fine-tuning and the bytes each machine sends per step;
 * then the claims as numbers (`reproClaims`): one byte ends within 1 pp of float32 SPSA, SPSA gains
 * ≥ 10 pp, and it sends a tiny fraction of a full gradient's bytes. Pure.
 */
import type { RunEvent } from '../../core/runs/events';
import { claimsMarkdown, type ClaimCheck } from '../common/claims';
import { pct, summariesByArm } from '../common/repro';

const bytes = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '—' : x >= 1024 ? `${(x / 1024).toFixed(1)} KiB` : `${x} B`;

export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const a = summariesByArm(events);
  const one = a.get('spsa_one_byte');
  const flt = a.get('spsa_float');
  const bp = a.get('backprop');
  const out: ClaimCheck[] = [];
  if (one && flt)
    out.push({
      id: 'one-byte-costs-little',
      claim: 'one byte per projected gradient ends within 1 pp of float32 projected gradients',
      tests: [
        { label: 'float − one byte', value: flt.final_acc - one.final_acc, op: '<', threshold: 0.01, points: true },
      ],
    });
  if (one)
    out.push({
      id: 'spsa-fine-tunes',
      claim: 'one-byte SPSA fine-tunes the pretrained model (≥ 10 pp above its start)',
      tests: [{ label: 'gain', value: one.gain, op: '>=', threshold: 0.1, points: true }],
    });
  if (one && bp)
    out.push({
      id: 'bytes',
      claim: 'at a tiny fraction of the bytes of a full gradient',
      tests: [
        {
          label: 'one byte / backprop bytes per step',
          value: one.bytes_per_step / bp.bytes_per_step,
          op: '<',
          threshold: 0.01,
          digits: 5,
        },
      ],
    });
  return out;
}

export function reproTable(events: RunEvent[]): string {
  const a = summariesByArm(events);
  const pre = a.get('pretrained');
  const rows = ['spsa_one_byte', 'spsa_float', 'backprop'].filter((k) => a.has(k));
  if (!rows.length) return 'No fine-tuning finished in this run.';
  const lines = [
    pre
      ? `Pretrained: ${pct(pre.original_test_acc)} on the original digits, ${pct(pre.shifted_test_acc)} on the shifted task (${pre.parameters} parameters).`
      : '',
    '',
    '| arm | start | after fine-tuning | gain | bytes sent per step per machine | quantization |',
    '|---|---|---|---|---|---|',
  ];
  for (const k of rows) {
    const v = a.get(k)!;
    const q =
      k === 'spsa_one_byte'
        ? `mean relative error ${(100 * v.mean_relative_quantization_error).toFixed(1)}%, clamped ${(100 * v.clamped_fraction).toFixed(2)}%`
        : '—';
    lines.push(
      `| ${k} | ${pct(v.start_acc)} | ${pct(v.final_acc)} | ${pct(v.gain)} | ${bytes(v.bytes_per_step)} | ${q} |`,
    );
  }
  lines.push(
    '',
    '| the paper | this run |',
    '|---|---|',
    `| machines exchange single-byte projected gradients (abstract) | ${bytes(a.get('spsa_one_byte')?.bytes_per_step)} per step per machine vs ${bytes(a.get('backprop')?.bytes_per_step)} for a full float32 gradient |`,
    '| accuracy at one byte (no number in the paper: a proof of concept) | see the claims below |',
    '',
    claimsMarkdown(reproClaims(events)),
  );
  return lines.join('\n');
}
