/**
 * The reproduction table for `npm run repro -- inductive-bias`: per space and task, the sampled errors,
 * the fitted noncentral χ² and its KS check, and the inductive bias at each target; then the
 * abstract's claims as numbers measured on the run (the seed runner judges them over seeds). Pure.
 */
import type { RunEvent } from '../../core/runs/events';
import { claimsMarkdown, type ClaimCheck } from '../common/claims';

interface Fit {
  arm: string;
  dataset: string;
  v: Record<string, number>;
}
interface Bias {
  arm: string;
  dataset: string;
  factor: number;
  v: Record<string, number>;
}

function read(events: RunEvent[]) {
  const fits: Fit[] = [];
  const biases: Bias[] = [];
  for (const e of events) {
    if (e.type !== 'summary') continue;
    const arm = String(e.series.arm);
    const dataset = String(e.series.dataset);
    if (e.series.curve === 'fit') fits.push({ arm, dataset, v: e.values });
    if (e.series.curve === 'bias') biases.push({ arm, dataset, factor: Number(e.series.factor), v: e.values });
  }
  const bias = (arm: string, dataset: string, factor = 1) =>
    biases.find((b) => b.arm === arm && b.dataset === dataset && b.factor === factor)?.v.bias_nats ?? NaN;
  return { fits, biases, bias };
}

export function reproClaims(events: RunEvent[]): ClaimCheck[] {
  const { fits, bias } = read(events);
  const tasks = [...new Set(fits.map((f) => f.dataset))];
  const claims: ClaimCheck[] = [];
  if (tasks.includes('mnist') && tasks.includes('fashion-mnist'))
    claims.push({
      id: 'harder-task',
      claim:
        'the harder task needs more inductive bias: at the reference target, Fashion-MNIST needs more nats than MNIST (networks)',
      tests: [
        {
          label: 'bias(F-MNIST) − bias(MNIST), nn',
          value: bias('nn', 'fashion-mnist') - bias('nn', 'mnist'),
          op: '>',
          threshold: 0,
          digits: 2,
        },
      ],
    });
  // Added after seed 1 showed the kernel space ordering the tasks the other way (said in the docs).
  if (tasks.includes('mnist') && tasks.includes('fashion-mnist') && fits.some((f) => f.arm === 'kernel'))
    claims.push({
      id: 'harder-task-kernel',
      claim: 'and in the kernel space: Fashion-MNIST needs more nats than MNIST at the reference target',
      tests: [
        {
          label: 'bias(F-MNIST) − bias(MNIST), kernel',
          value: bias('kernel', 'fashion-mnist') - bias('kernel', 'mnist'),
          op: '>',
          threshold: 0,
          digits: 1,
        },
      ],
    });
  if (fits.some((f) => f.arm === 'kernel'))
    claims.push({
      id: 'networks-encode-bias',
      claim:
        'neural networks encode much inductive bias: at the reference target the kernel space needs more nats than the networks, on every task',
      tests: tasks.map((d) => ({
        label: `bias(kernel) − bias(nn), ${d}`,
        value: bias('kernel', d) - bias('nn', d),
        op: '>' as const,
        threshold: 0,
        digits: 1,
      })),
    });
  claims.push({
    id: 'ncx2-fits',
    claim:
      "the code's model holds: the noncentral χ² fitted to the networks' errors passes a KS test (p ≥ 0.05) on every task",
    tests: fits
      .filter((f) => f.arm === 'nn')
      .map((f) => ({
        label: `KS p, nn, ${f.dataset}`,
        value: f.v.ks_p,
        op: '>=' as const,
        threshold: 0.05,
        digits: 2,
      })),
  });
  return claims;
}

export function reproTable(events: RunEvent[]): string {
  const { fits, biases } = read(events);
  if (!fits.length) return 'No summary events in this run.';
  const g = (x: number, d = 3) => (Number.isFinite(x) ? x.toPrecision(d) : '—');
  const factors = [...new Set(biases.map((b) => b.factor))].sort((a, b) => a - b);
  const ref = fits[0].v.reference_target;
  const out = [
    `Reference target ε* = ${g(ref)} (test MSE to one-hot labels). Per space and task: the sampled hypotheses' test errors, the noncentral χ² fitted to them (location 0) with its KS p-value, and the inductive bias −log P(error ≤ ε) in nats at each ε = factor × ε* (* = read from the fitted tail below every sample).`,
    '',
    `| space | task | mean error | min error | df | nc | KS p | ${factors.map((f) => `ε = ${f}ε*`).join(' | ')} |`,
    `|---|---|---|---|---|---|---|${factors.map(() => '---').join('|')}|`,
    ...fits.map((f) => {
      const cells = factors.map((fa) => {
        const b = biases.find((x) => x.arm === f.arm && x.dataset === f.dataset && x.factor === fa);
        return b ? `${g(b.v.bias_nats)}${b.v.below_samples ? '*' : ''}` : '—';
      });
      return `| ${f.arm} | ${f.dataset} | ${g(f.v.mean_error, 4)} | ${g(f.v.min_error, 4)} | ${g(f.v.df)} | ${g(f.v.nc)} | ${g(f.v.ks_p, 2)} | ${cells.join(' | ')} |`;
    }),
    '',
    claimsMarkdown(reproClaims(events)),
  ];
  return out.join('\n');
}
