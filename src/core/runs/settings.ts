/**
 * The settings a researcher tells runs apart by in a run list ("lr 1.2e-3 · batch 60"), read from a
 * run folder's resolved `config.json`: the paper's own list (`keySettings` in its definition) when it
 * has one, else the common blocks' usual suspects. Shared by the dashboard's run list and the report.
 */
import path from 'node:path';
import type { KeySetting } from '../paper/types';
import { readTextFile, readTextFileSync } from '../files/read';
import { RUN_FILES } from './events';

/** What a paper says about its run list; passed in (core does not read the paper registry). */
export type KeySettingsOf = (paperId: string) => readonly KeySetting[] | undefined;

/** A setting's value as the run list and the dashboard print it (undefined for objects and mixed lists). */
export function formatSetting(v: unknown): string | undefined {
  if (typeof v === 'number') return Math.abs(v) < 0.01 && v !== 0 ? v.toExponential(1) : String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' || typeof x === 'string'))
    return v.map((x) => formatSetting(x)).join('-');
  return undefined;
}

/** The paper's key settings, read from the config along their paths; values that are absent are left out. */
export function paperKeySettings(config: unknown, spec: readonly KeySetting[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of spec) {
    let v: unknown = config;
    for (const seg of k.path as readonly (string | number)[])
      v = typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[seg] : undefined;
    const text = formatSetting(v);
    if (text !== undefined) out[k.label] = text;
  }
  return out;
}

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

function parse(text: string, spec: readonly KeySetting[] | undefined): Record<string, string> {
  try {
    const config = JSON.parse(text);
    return spec?.length ? paperKeySettings(config, spec) : keySettings(config);
  } catch {
    return {};
  }
}

/** A run without a readable config still draws; only its settings line is empty. */
export function readKeySettingsSync(runDir: string, spec?: readonly KeySetting[]): Record<string, string> {
  const r = readTextFileSync(path.join(runDir, RUN_FILES.config), { maxBytes: MAX_CONFIG_JSON_BYTES });
  return r.ok ? parse(r.text, spec) : {};
}

export async function readKeySettings(runDir: string, spec?: readonly KeySetting[]): Promise<Record<string, string>> {
  const r = await readTextFile(path.join(runDir, RUN_FILES.config), { maxBytes: MAX_CONFIG_JSON_BYTES });
  return r.ok ? parse(r.text, spec) : {};
}

/**
 * The run's values at its paper's stated settings (`spec`: one entry per key, labelled by its dotted
 * path). Empty without a spec: unlike the run list, there is no list of usual suspects to fall back to.
 */
export async function readPaperSetting(runDir: string, spec?: readonly KeySetting[]): Promise<Record<string, string>> {
  if (!spec?.length) return {};
  const r = await readTextFile(path.join(runDir, RUN_FILES.config), { maxBytes: MAX_CONFIG_JSON_BYTES });
  return r.ok ? parse(r.text, spec) : {};
}
