/**
 * The reproduction table for `npm run repro -- exssnet`: per method the final accuracy on every task,
 * the average accuracy, backward transfer and task 1's drop from when it was learned, and how much of
 * each task's mask was still free for exclusive training; SupSup's notebook accuracies beside them;
 * then the claims as numbers. Pure: reads events.
 */
import type { RunEvent } from '../../core/runs/events';
import { claimsRows, type ClaimCheck } from '../common/claims';
import { percentCell as pct, pointsCell as pp, summaryEvents } from '../common/tables';

const sums = summaryEvents;

export function reproTable(events: RunEvent[]): string {
  const arms = sums(events, 'arm');
  if (!arms.length) return 'No summary events in this run: it stopped before the first method finished its tasks.';
  const finals = sums(events, 'final');
  const K = Math.max(...finals.map((f) => Number(f.series.task))) + 1;
  const head = [
    'method',
    ...Array.from({ length: K }, (_, j) => `task ${j + 1}`),
    'average',
    'backward transfer',
    'task 1 drop',
    'mask share exclusive (mean / last task)',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const a of arms) {
    const arm = String(a.series.arm);
    const accs = Array.from(
      { length: K },
      (_, j) => finals.find((f) => f.series.arm === arm && Number(f.series.task) === j)?.values.test_acc,
    );
    lines.push(
      `| ${arm} | ${accs.map((x) => pct(x)).join(' | ')} | ${pct(a.values.average_accuracy)} | ${pp(a.values.backward_transfer)} | ${pp(a.values.task0_drop)} | ${arm === 'exssnet' ? `${pct(a.values.mean_exclusive_share, 1)} / ${pct(a.values.last_exclusive_share, 1)}` : '—'} |`,
    );
  }
  lines.push(
    '',
    'SupSup’s own notebook (RAIVNLab/supsup mnist.ipynb: PermutedMNIST, 784-300-300-100, masks of about half the weights, full MNIST, 1 epoch per task): 91.91% / 92.92% / 92.25% / 92.07% / 92.69%.',
  );
  return [...lines, ...claimsRows(reproClaims(events))].join('\n');
}

/**
 * Abstract: ExSSNeT beats SupSup (by 8.3% on average at 2–10% masks) while preventing forgetting.
 * As numbers for this setting (next-batches.md §A4's prediction): ExSSNeT's average ≥ SupSup's + 2 pp;
 * task 1 keeps its accuracy (|drop| < 0.1 pp) for ExSSNeT and SupSup; SSNeT's task 1 drops ≥ 5 pp.
 */
export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const arms = new Map(sums(events, 'arm').map((a) => [String(a.series.arm), a.values]));
  const out: ClaimCheck[] = [];
  const ex = arms.get('exssnet');
  const sup = arms.get('supsup');
  const ss = arms.get('ssnet');
  if (ex && sup)
    out.push({
      id: 'beats-supsup',
      claim: 'ExSSNeT’s average accuracy ≥ SupSup’s + 2 pp',
      tests: [
        {
          label: 'ExSSNeT − SupSup (average)',
          value: ex.average_accuracy - sup.average_accuracy,
          op: '>=',
          threshold: 0.02,
          points: true,
        },
      ],
    });
  for (const [name, v] of [
    ['exssnet', ex],
    ['supsup', sup],
  ] as const)
    if (v)
      out.push({
        id: `no-forgetting-${name}`,
        claim: `${name}: task 1 keeps its accuracy after the last task (drop within ±0.1 pp)`,
        tests: [
          { label: 'task 1 drop', value: v.task0_drop, op: '<', threshold: 0.001, points: true },
          { label: 'task 1 drop', value: v.task0_drop, op: '>', threshold: -0.001, points: true },
        ],
      });
  if (ss)
    out.push({
      id: 'ssnet-forgets',
      claim: 'SSNeT (training all of each mask’s weights) forgets: task 1 drops ≥ 5 pp',
      tests: [{ label: 'task 1 drop', value: ss.task0_drop, op: '>=', threshold: 0.05, points: true }],
    });
  return out;
}
