/**
 * Synthetic modular arithmetic for the grokking papers (Power et al. 2022; Grokking Tickets):
 * every pair (a, b) with a, b in [0, p), label (a ∘ b) mod p. Inputs are the two one-hot codes
 * concatenated (length 2p), which an MLP can learn; the split is a seeded shuffle, `fracTrain` of the
 * pairs train and the rest test. `symmetric` keeps pairs a ≤ b only (Grokking-Tickets'
 * `is_symmetric_input`: p(p+1)/2 pairs).
 */
import { createRng } from '../rng';
import type { Dataset, Split } from './index';

export type ModularOp = 'add' | 'subtract' | 'multiply' | 'x2xyy2';

export interface ModularConfig {
  p: number;
  op: ModularOp;
  fracTrain: number;
  symmetric?: boolean;
}

function apply(op: ModularOp, a: number, b: number, p: number): number {
  switch (op) {
    case 'add':
      return (a + b) % p;
    case 'subtract':
      return (((a - b) % p) + p) % p;
    case 'multiply':
      return (a * b) % p;
    case 'x2xyy2':
      return (a * a + a * b + b * b) % p;
  }
}

export function modularData(cfg: ModularConfig, seed: number): Dataset {
  const { p } = cfg;
  if (!(Number.isInteger(p) && p >= 2)) throw new Error(`The modulus p must be an integer ≥ 2, got ${p}.`);
  if (!(cfg.fracTrain > 0 && cfg.fracTrain < 1)) throw new Error(`frac_train must be in (0, 1), got ${cfg.fracTrain}.`);
  const pairs: [number, number][] = [];
  for (let a = 0; a < p; a++) for (let b = cfg.symmetric ? a : 0; b < p; b++) pairs.push([a, b]);
  createRng(seed).fork('modular-split').shuffle(pairs);
  const nTrain = Math.max(1, Math.min(pairs.length - 1, Math.round(cfg.fracTrain * pairs.length)));
  const make = (list: [number, number][]): Split => {
    const x = new Float32Array(list.length * 2 * p);
    const labels = new Int32Array(list.length);
    list.forEach(([a, b], i) => {
      x[i * 2 * p + a] = 1;
      x[i * 2 * p + p + b] = 1;
      labels[i] = apply(cfg.op, a, b, p);
    });
    return { x, labels, n: list.length };
  };
  return {
    name: `modular-${cfg.op}-${p}`,
    inputShape: [2 * p],
    numClasses: p,
    train: make(pairs.slice(0, nTrain)),
    test: make(pairs.slice(nTrain)),
  };
}
