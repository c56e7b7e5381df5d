/**
 * Which ticks of a log axis get a label. Chart.js puts them at 1…9 × 10ᵏ and cannot skip the crowded
 * ones (its skipping assumes even spacing), so 0.004, 0.007 and 0.01 printed over each other. Within
 * one decade every tick is labelled; across more, only 1 and 3 × 10ᵏ (the grid keeps every tick).
 */
export function labelledLogTick(v: number, min: number, max: number): boolean {
  if (!(v > 0) || !(min > 0) || max / min <= 10) return true;
  const mantissa = v / 10 ** Math.floor(Math.log10(v) + 1e-9);
  return Math.abs(mantissa - 1) < 1e-6 || Math.abs(mantissa - 3) < 1e-6;
}
