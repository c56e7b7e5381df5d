/**
 * The paper gives no numbers in its abstract and its numeric settings are unconfirmed (notes §2), so
 * the marks here are the notes' re-implementation [sim] at the example's exact setting (n = 40,
 * d = 20000, m = 200, ‖μ‖² = 2500, η = 0.1, α = 0.08, ω_init = 1e-4) — labelled as such.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

const SIM = "research notes §2(b) [sim]: numpy re-implementation at the example's setting";
const NOTE =
  "Not the paper's number: our notes' simulation of the paper's model (the paper's own settings are unconfirmed).";

const test = (id: string, step: number, y: number): ReferenceNumber => ({
  id,
  label: `clean test accuracy at step ${step} [sim, not the paper's]`,
  x: step,
  y,
  series: { measured_on: 'test_clean' },
  source: SIM,
  confirmed: false,
  note: NOTE,
});

export const references: ReferenceNumber[] = [
  {
    id: 'train-step1',
    label: "train accuracy at step 1 [sim, not the paper's]",
    x: 1,
    y: 1,
    series: { measured_on: 'train' },
    source: SIM,
    confirmed: false,
    note: NOTE,
  },
  test('test-step1', 1, 0.485),
  test('test-step10', 10, 0.79),
  test('test-step100', 100, 0.976),
  test('test-step500', 500, 0.998),
];
