/**
 * A resolved config as flat settings for the experiments table: `{ train: { lr: 0.001 } }` →
 * `{ 'train.lr': 0.001 }`; a list of plain values stays one setting (`model.hidden` → `[300,100]`).
 * Imported by the webview: no imports.
 */

export type ParamValue = string | number | boolean | null;

/** Keys that label a run rather than set it: shown in their own columns or not at all. */
const NOT_PARAMS = new Set(['paper', 'name', 'seed']);

export function flattenConfig(
  config: unknown,
  prefix = '',
  out: Record<string, ParamValue> = {},
): Record<string, ParamValue> {
  if (!config || typeof config !== 'object' || Array.isArray(config)) return out;
  for (const [k, v] of Object.entries(config as Record<string, unknown>)) {
    if (!prefix && NOT_PARAMS.has(k)) continue;
    const key = prefix ? `${prefix}.${k}` : k;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = v;
    else if (Array.isArray(v)) out[key] = JSON.stringify(v);
    else if (typeof v === 'object') flattenConfig(v, key, out);
  }
  return out;
}
