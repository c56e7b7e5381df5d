/**
 * The one-byte quantizer of "Just One Byte" (Zelikman et al. 2023; official code ezelikman/justonebyte
 * app.py) for SPSA's projected gradients: it keeps sign and log-magnitude, code = round(ln|g| / step),
 * clamped to ±maxPower, restored as sign(g)·exp(code·step). app.py uses step 1/16 and ±127 (and then
 * never uses the restored value: its `--one_byte` path is a no-op); sign + 255 powers are 510 levels,
 * one bit more than a byte, which `bitsPerScalar` says. Pure (no tfjs): the paper's rules read it too.
 */

export interface LogQuantizer {
  /** Resolution of ln|g| (app.py: 1/16). */
  step: number;
  /** Largest |code| (app.py: 127). */
  maxPower: number;
}

export const JUSTONEBYTE_CODE_QUANTIZER: LogQuantizer = { step: 1 / 16, maxPower: 127 };

/** Sign and log-magnitude code of g; g = 0 (or not finite) is sent as the smallest magnitude, sign +. */
export function quantizeLog(g: number, q: LogQuantizer): { sign: 1 | -1; power: number; value: number } {
  const sign: 1 | -1 = g < 0 ? -1 : 1;
  const mag = Math.abs(g);
  const raw = mag > 0 && Number.isFinite(mag) ? Math.round(Math.log(mag) / q.step) : -q.maxPower;
  const power = Math.max(-q.maxPower, Math.min(q.maxPower, raw));
  return { sign, power, value: sign * Math.exp(power * q.step) };
}

/** Bits one quantized scalar needs: a sign bit and the powers −maxPower…maxPower. */
export function bitsPerScalar(q: LogQuantizer): number {
  return 1 + Math.ceil(Math.log2(2 * q.maxPower + 1));
}
