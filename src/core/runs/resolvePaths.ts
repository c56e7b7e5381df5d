/**
 * Paths inside a config are relative to the config file, as a reader of the file expects — not to
 * whatever folder the CLI or the extension host happens to run in. The run records the resolved,
 * absolute path in its `config.json`, so the run can be redone from its folder alone.
 */
import path from 'node:path';

export type ResolvedPaths = { ok: true; config: Record<string, unknown> } | { ok: false; message: string };

/** `data.path` made absolute against the config file's folder (a copy; the input is not changed). */
export function resolveConfigPaths(config: Record<string, unknown>, sourceConfig: string | undefined): ResolvedPaths {
  const data = config.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: true, config };
  const p = (data as Record<string, unknown>).path;
  if (typeof p !== 'string' || p === '' || path.isAbsolute(p)) return { ok: true, config };
  const home = p === '~' || p.startsWith('~/') ? process.env.HOME : undefined;
  if (home) return { ok: true, config: { ...config, data: { ...data, path: path.join(home, p.slice(1)) } } };
  if (!sourceConfig || !path.isAbsolute(sourceConfig))
    return {
      ok: false,
      message: `data.path "${p}" is relative, but this config has no file to resolve it against (it was never saved). Save the config next to the data, or give an absolute path.`,
    };
  return { ok: true, config: { ...config, data: { ...data, path: path.resolve(path.dirname(sourceConfig), p) } } };
}
