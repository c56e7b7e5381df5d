/**
 * Completion and hover inside a config's `sweep:` block, called from the language service
 * (src/core/config/language.ts). Grid keys are the paper's own paths (`train.lr`), so completion
 * offers those paths with the same documentation as the keys themselves, and the values of a grid
 * entry complete and hover exactly like the setting they sweep.
 */
import type { ConfigPath, PaperDefinition } from '../paper/types';
import { keyMarkdown, schemaAt, schemaOf, settingFor, typeLabel } from '../config/schemaInfo';
import { yamlInline } from '../config/edits';
import { MAX_SEEDS, SWEEP_KEY, parseGridKey } from './spec';

/** What a completion entry of the language service needs (structurally its `CompletionEntry`). */
export interface SweepCompletion {
  label: string;
  kind: 'key' | 'value';
  detail?: string;
  documentation?: string;
  insertText?: string;
  snippet?: boolean;
  sortText?: string;
}

export const SWEEP_DOC = [
  '**`sweep`** — run this config several times: over seeds, and over a grid of settings.',
  '',
  '```yaml',
  'sweep:',
  '  seeds: 3            # the config’s seed and the two after it; or a list, [1, 2, 3]',
  '  grid:',
  '    train.lr: [1.0e-3, 3.0e-3]',
  '    prune.rate.hidden: [0.2, 0.5]',
  '```',
  '',
  'Every combination of the grid values is run once per seed (here 2 × 2 × 3 = 12 runs), each as an ordinary run folder; seeds of one setting are drawn as their mean with a band. Run it with **Run Sweep** or `paperlab sweep <config>` (on this machine’s cores, or `--executor slurm` as a job array). Re-running skips cells that already completed.',
].join('\n');

const SEEDS_DOC = `**\`sweep.seeds\`** — whole number 1 to ${MAX_SEEDS}, or a list of seeds\n\nA count N runs the config's \`seed\` and the N − 1 seeds after it; a list runs exactly those seeds. Seeds of one setting are grouped: the dashboard draws their mean with a band, and \`npm run repro\` reports mean ± sd.`;
const GRID_DOC =
  "**`sweep.grid`** — block of `path: [values]`\n\nEach key is a setting's path in this config (`train.lr`, `prune.rate.hidden`, `model.hidden`); each value is the list of values to try. Every combination runs.";

/** The `sweep` entry offered among a config's top-level keys. */
export function sweepKeyCompletion(json: boolean): SweepCompletion {
  return {
    label: SWEEP_KEY,
    kind: 'key',
    detail: 'seeds × grid of settings',
    documentation: SWEEP_DOC,
    insertText: json
      ? `"${SWEEP_KEY}": { "seeds": \${1:3}, "grid": { "\${2:train.lr}": [\${3}] } }`
      : `${SWEEP_KEY}:\n  seeds: \${1:3}\n  grid:\n    \${2:train.lr}: [\${3}]`,
    snippet: true,
    sortText: '900',
  };
}

/** Keys completed inside `sweep` (path ['sweep']) or `sweep.grid` (path ['sweep', 'grid']). */
export function sweepKeyCompletions(
  paper: PaperDefinition,
  path: ConfigPath,
  present: Set<string>,
  json: boolean,
): SweepCompletion[] {
  if (path.length === 1)
    return [
      { label: 'seeds', kind: 'key', detail: 'count or list', documentation: SEEDS_DOC, insertText: 'seeds: ${1:3}' },
      { label: 'grid', kind: 'key', detail: 'path: [values]', documentation: GRID_DOC, insertText: 'grid:\n  $0' },
    ]
      .filter((c) => !present.has(c.label))
      .map((c, i) => ({
        ...c,
        kind: 'key' as const,
        snippet: true,
        sortText: String(i),
        insertText: json ? `"${c.label}": ${c.label === 'grid' ? '{$0}' : '${1:3}'}` : c.insertText,
      }));
  if (path.length !== 2 || path[1] !== 'grid') return [];
  const out: SweepCompletion[] = [];
  const visit = (s: any, prefix: ConfigPath) => {
    for (const [key, sub] of Object.entries<any>(s?.properties ?? {})) {
      const p = [...prefix, key];
      if (prefix.length === 0 && (key === 'paper' || key === 'name' || key === 'seed')) continue;
      if (sub?.type === 'object' && sub.properties) {
        visit(sub, p);
        continue;
      }
      const dotted = p.join('.');
      if (present.has(dotted)) continue;
      const paperValue = settingFor(paper, p)?.value;
      const example = paperValue !== undefined ? paperValue : sub?.default;
      const first = example === undefined || example === null ? '' : yamlInline(example).replace(/[\\$}]/g, '\\$&');
      out.push({
        label: dotted,
        kind: 'key',
        detail: typeLabel(sub),
        documentation: keyMarkdown(paper, p, sub),
        insertText: json ? `"${dotted}": [\${1:${first}}]` : `${dotted}: [\${1:${first}}]`,
        snippet: true,
        sortText: String(out.length).padStart(4, '0'),
      });
    }
  };
  visit(schemaOf(paper), []);
  return out;
}

/**
 * The setting a value position inside the grid stands for: `['sweep', 'grid', 'train.lr', …]` →
 * `['train', 'lr']`, so value completion can treat it as that setting. Undefined elsewhere.
 */
export function sweptSettingPath(path: ConfigPath): ConfigPath | undefined {
  if (path[0] !== SWEEP_KEY || path[1] !== 'grid' || typeof path[2] !== 'string') return undefined;
  return parseGridKey(path[2]);
}

/** Hover anywhere in the block: the block's own help, or the swept setting's documentation. */
export function sweepHover(paper: PaperDefinition | undefined, path: ConfigPath, value: unknown): string | undefined {
  if (path[0] !== SWEEP_KEY) return undefined;
  if (path.length === 1) return SWEEP_DOC;
  if (path[1] === 'seeds') return SEEDS_DOC;
  if (path[1] !== 'grid') return undefined;
  if (path.length === 2) return GRID_DOC;
  const setting = sweptSettingPath(path);
  if (!setting || !paper) return undefined;
  const s = schemaAt(schemaOf(paper), setting);
  if (!s) return undefined;
  const values = (value as any)?.[SWEEP_KEY]?.grid?.[path[2] as string];
  const count = Array.isArray(values) ? `\n\n**Swept:** ${values.length} value${values.length === 1 ? '' : 's'}` : '';
  return keyMarkdown(paper, setting, s) + count;
}
