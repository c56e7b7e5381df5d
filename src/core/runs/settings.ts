/**
 * The settings a researcher tells runs apart by in a run list ("lr 1.2e-3 · batch 60"), read from a
 * run folder's resolved `config.json`. Shared by the dashboard's run list and the HTML report.
 */
import path from 'node:path';
import { readTextFile, readTextFileSync } from '../files/read';
import { RUN_FILES } from './events';

/** A resolved config is a few KB; a larger `config.json` is not read for a settings line. */
const MAX_CONFIG_JSON_BYTES = 4 * 1024 * 1024;

export function keySettings(config: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof config !== 'object' || config === null) return out;
  const c = config as Record<string, Record<string, unknown> | undefined>;
  const put = (label: string, v: unknown) => {
    if (typeof v === 'number') out[label] = Math.abs(v) < 0.01 && v !== 0 ? v.toExponential(1) : String(v);
    else if (typeof v === 'string') out[label] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'number')) out[label] = v.join('-');
  };
  put('data', c.data?.dataset);
  put('model', c.model?.hidden ?? c.model?.arch);
  put('opt', c.train?.optimizer);
  put('lr', c.train?.lr);
  put('batch', c.train?.batch_size);
  put('iters', c.train?.iterations ?? c.train?.epochs);
  put('rounds', c.prune?.rounds);
  return out;
}

function parse(text: string): Record<string, string> {
  try {
    return keySettings(JSON.parse(text));
  } catch {
    return {};
  }
}

/** A run without a readable config still draws; only its settings line is empty. */
export function readKeySettingsSync(runDir: string): Record<string, string> {
  const r = readTextFileSync(path.join(runDir, RUN_FILES.config), { maxBytes: MAX_CONFIG_JSON_BYTES });
  return r.ok ? parse(r.text) : {};
}

export async function readKeySettings(runDir: string): Promise<Record<string, string>> {
  const r = await readTextFile(path.join(runDir, RUN_FILES.config), { maxBytes: MAX_CONFIG_JSON_BYTES });
  return r.ok ? parse(r.text) : {};
}
