/**
 * A run folder's settings for the experiments table: its `config.json`, flat (./params.ts). Read with
 * the same limits as the run list's settings line; a folder without a readable config has none.
 */
import path from 'node:path';
import { readTextFile } from '../files/read';
import { RUN_FILES } from '../runs/events';
import { flattenConfig, type ParamValue } from './params';

const MAX_CONFIG_JSON_BYTES = 4 * 1024 * 1024;

export async function readParams(runDir: string): Promise<Record<string, ParamValue>> {
  const r = await readTextFile(path.join(runDir, RUN_FILES.config), { maxBytes: MAX_CONFIG_JSON_BYTES });
  if (!r.ok) return {};
  try {
    return flattenConfig(JSON.parse(r.text));
  } catch {
    return {};
  }
}
