/**
 * The paper's abstract gives no numbers (notes §1c). The marks are the notes' re-implementation [sim]
 * of the authors' notebook at the example's sizes (D = 100, P = 550, N = 500, ε = 0.02, η = N/α²),
 * labelled as such.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

const SIM = "research notes §1(b) [sim]: numpy re-implementation of the authors' notebook (Fig. 1 sizes)";
const NOTE = "Not the paper's number: our notes' simulation of the paper's setting.";

function sim(
  id: string,
  label: string,
  alpha: number,
  step: number,
  y: number,
  axisKey: 'test' | 'train',
): ReferenceNumber {
  return {
    id,
    label: `${label} [sim, not the paper's]`,
    x: step,
    y,
    series: { alpha },
    source: SIM,
    confirmed: false,
    note: axisKey === 'test' ? NOTE : `${NOTE} (train MSE)`,
  };
}

export const references: ReferenceNumber[] = [
  sim('a1-test-10k', 'α = 1, test MSE at 10k steps', 1, 10000, 0.43, 'test'),
  sim('a1-test-30k', 'α = 1, test MSE at 30k steps', 1, 30000, 0.19, 'test'),
  sim('a1-test-60k', 'α = 1, test MSE at 60k steps', 1, 60000, 0.096, 'test'),
  sim('a4-test-30k', 'α = 4, test MSE at 30k steps', 4, 30000, 0.49, 'test'),
  sim('a05-test-30k', 'α = 0.5, test MSE at 30k steps', 0.5, 30000, 0.088, 'test'),
  sim('a1-train-10k', 'α = 1, train MSE at 10k steps', 1, 10000, 0.053, 'train'),
  sim('a1-train-30k', 'α = 1, train MSE at 30k steps', 1, 30000, 0.0088, 'train'),
  sim('a4-train-30k', 'α = 4, train MSE at 30k steps', 4, 30000, 0.069, 'train'),
  sim('a05-train-30k', 'α = 0.5, train MSE at 30k steps', 0.5, 30000, 0.0026, 'train'),
  {
    id: 'a1-test-peak',
    label: "α = 1: test MSE first rises from 0.83 to 1.03 while train falls [sim, not the paper's]",
    y: 1.03,
    series: { alpha: 1 },
    source: SIM,
    confirmed: false,
    note: NOTE,
  },
];
