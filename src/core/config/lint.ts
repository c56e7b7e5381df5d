/**
 * The lint entry point shared by the editor, the CLI and the trainer's pre-flight check:
 * text → document → paper → schema → rules → departure notes → findings with ranges and fixes.
 * It never throws: a failure anywhere becomes a finding, and the extension keeps working.
 */
import type { Finding, Fix } from './findings';
import {
  isImplemented,
  type ConfigFix,
  type PaperDefinition,
  type PaperEntry,
  type PaperRegistry,
  type RuleFinding,
} from '../paper/types';
import { ConfigDocument } from './document';
import { configEditsToTextEdits, yamlInline } from './edits';
import { validateConfig, dotted } from './validate';
import { orList } from './suggest';
import { lintSweep, splitSweep } from '../sweep/lint';
import type { SweepSpec } from '../sweep/spec';

export interface LintOptions {
  /** The papers `paper:` may name (src/papers/index.ts `paperRegistry`): core never imports them. */
  papers: PaperRegistry;
  /** Information-level notes where the config departs from the paper's setting (setting `paperlab.lint.paperDepartures`). */
  paperDepartures?: boolean;
  /** Read the text as YAML or JSON regardless of the file name (e.g. an untitled editor's language). */
  kind?: 'yaml' | 'json';
}

export interface LintResult {
  findings: Finding[];
  /** The config with the schema's defaults filled in; undefined when the paper has no schema or the text is not a mapping. */
  config: Record<string, unknown> | undefined;
  /** True when no finding is an error: the config can run. */
  ok: boolean;
  paper: PaperEntry | undefined;
  document: ConfigDocument;
  /** The config's `sweep:` block, when it has one without errors (`config` is then the base, without it). */
  sweep?: SweepSpec;
}

export function lintText(text: string, fileName: string, options: LintOptions): LintResult {
  let doc: ConfigDocument;
  try {
    doc = new ConfigDocument(
      typeof text === 'string' ? text : String(text ?? ''),
      fileName || 'config.exp.yaml',
      options.kind,
    );
  } catch (err) {
    doc = new ConfigDocument('', fileName || 'config.exp.yaml');
    return finish(doc, [internal(doc, 'reading the file', err)], undefined, undefined);
  }
  try {
    return lintDocument(doc, options);
  } catch (err) {
    return finish(doc, [...doc.findings, internal(doc, 'checking the config', err)], undefined, undefined);
  }
}

function lintDocument(doc: ConfigDocument, options: LintOptions): LintResult {
  const { papers } = options;
  const findings: Finding[] = [...doc.findings];
  const value = doc.value;
  const toFixes = (fixes: ConfigFix[] | undefined): Fix[] | undefined => fixesFor(doc, fixes);
  if (value === undefined || value === null) {
    if (!findings.some((f) => f.severity === 'error')) {
      findings.push({
        severity: 'warning',
        code: 'config/empty',
        message:
          'This config is empty. Start with `paper:` and the id of the paper to reproduce (completion lists them), or run "Paperlab: New Experiment from Paper…".',
        range: doc.rangeOf([]),
        // The paper's own example, with its comments, replaces the (empty or comment-only) text.
        fixes: papers.implemented().map((p) => ({
          title: `Start from the ${p.id} example`,
          edits: [
            {
              range: doc.lines.range(0, doc.text.length),
              newText: doc.kind === 'json' ? exampleAsJson(p.exampleYaml) : p.exampleYaml,
            },
          ],
        })),
      });
    }
    return finish(doc, findings, undefined, undefined);
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    findings.push({
      severity: 'error',
      code: 'config/not-a-mapping',
      message: `A config is a set of \`key: value\` entries starting with \`paper:\`; the top level of this file is ${Array.isArray(value) ? 'a list' : 'a single value'}.`,
      range: doc.rangeOf([], 'value'),
    });
    return finish(doc, findings, undefined, undefined);
  }
  const cfg = value as Record<string, unknown>;
  const id = cfg.paper;
  if (id === undefined || id === null || id === '') {
    findings.push({
      severity: 'error',
      code: 'config/missing-paper',
      message:
        'Say which paper this experiment reproduces: add `paper:` with a paper id (completion lists them). It selects the keys, rules and figures.',
      range: doc.rangeOf(['paper']),
      fixes: toFixes(
        papers.implemented().map((p) => ({
          title: `Add \`paper: ${p.id}\``,
          edits: [{ kind: 'addKey', parent: [], key: 'paper', value: p.id }],
        })),
      ),
    });
    return finish(doc, findings, undefined, undefined);
  }
  const paper = typeof id === 'string' ? papers.get(id) : undefined;
  if (!paper) {
    const sugg = typeof id === 'string' ? papers.suggest(id) : [];
    findings.push({
      severity: 'error',
      code: 'config/unknown-paper',
      message: `Unknown paper ${typeof id === 'string' ? `\`${id}\`` : `(${yamlInline(id)})`}.${sugg.length ? ` Did you mean ${orList(sugg)}?` : ''} Paper ids are listed by completion on \`paper:\` and in "New Experiment from Paper…".`,
      range: doc.rangeOf(['paper'], 'value'),
      fixes: toFixes(
        sugg.map((s, i) => ({
          title: `Use \`${s}\``,
          edits: [{ kind: 'setValue', path: ['paper'], value: s }],
          preferred: i === 0,
        })),
      ),
    });
    return finish(doc, findings, undefined, undefined);
  }
  if (!isImplemented(paper)) {
    findings.push({
      severity: 'info',
      code: 'config/schema-not-available',
      message: `Paperlab knows "${paper.title}" (tier ${paper.tier}), but its schema is not available yet: the other keys are not checked and it cannot run yet. Its paper page (Paper, above the first line) says what it claims.`,
      range: doc.rangeOf(['paper'], 'value'),
    });
    return finish(doc, findings, undefined, paper);
  }
  const sweep = splitSweep(cfg); // the config language's own block: checked by core/sweep, not the paper's schema
  const {
    findings: schemaFindings,
    resolved,
    unknownKeyPaths,
    typesHold,
  } = validateConfig(paper, sweep.rest, doc, toFixes);
  // Rules read the config as the schema types it; while a value has the wrong type they wait.
  const ruleFindings = typesHold ? runRules(paper, resolved) : [];
  // A paper rule about an unknown key (e.g. `sparsity` in grokking-tickets) says more than "unknown key".
  const explained = new Set(
    ruleFindings.filter((r) => unknownKeyPaths.includes(r.path.join('.'))).map((r) => r.path.join('.')),
  );
  for (const f of schemaFindings) {
    if (f.code === 'schema/unknown-key' && [...explained].some((p) => sameRange(doc.rangeOf(p.split('.')), f)))
      continue;
    findings.push(f);
  }
  for (const r of ruleFindings) findings.push(toFinding(doc, r));
  if (options.paperDepartures !== false) {
    // Where the value is already an error, "the paper uses …" would only repeat it.
    const errorAt = new Set(findings.filter((f) => f.severity === 'error').map((f) => rangeKey(f.range)));
    findings.push(...departures(paper, doc).filter((d) => !errorAt.has(rangeKey(d.range))));
  }
  const swept = sweep.present ? lintSweep(paper, sweep.block, resolved, doc, findings) : undefined;
  if (swept) findings.push(...swept.findings);
  return { ...finish(doc, findings, resolved, paper), ...(swept?.spec ? { sweep: swept.spec } : {}) };
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

/** A rule's finding with the rule's code and source filled in where the finding left them out. */
type RuleResult = RuleFinding & { code: string; source: string };

function runRules(paper: PaperDefinition, resolved: Record<string, unknown>): RuleResult[] {
  const out: RuleResult[] = [];
  // One frozen copy shared by every rule: rules cannot change what the next rule (or the caller) sees,
  // and a 2,000-line config is not cloned once per rule.
  const view = deepFreeze(structuredClone(resolved));
  for (const rule of paper.rules) {
    try {
      for (const r of rule.check(view)) out.push({ ...r, code: r.code ?? rule.code, source: r.source ?? rule.source });
    } catch (err) {
      // A bug in one rule must not hide the others, nor the user's own problems.
      out.push({
        path: [],
        severity: 'hint',
        code: 'internal/rule-failed',
        message: `Paperlab's rule ${rule.code} failed on this config (${err instanceof Error ? err.message : String(err)}); other checks still ran. Please report it.`,
        source: rule.source,
      });
    }
  }
  return out;
}

function departures(paper: PaperDefinition, doc: ConfigDocument): Finding[] {
  const out: Finding[] = [];
  for (const s of paper.paperSetting) {
    if (!s.noteDeparture) continue;
    const loc = doc.locate(s.path);
    if (loc.matched !== s.path.length) continue; // only what the user wrote; defaults are ours by design
    const mine = valueAt(doc.value, s.path);
    if (mine === undefined || sameValue(mine, s.value)) continue;
    out.push({
      severity: 'info',
      code: 'paper/departure',
      message: `Departs from the paper: it uses \`${dotted(s.path)}: ${yamlInline(s.value)}\` (here ${yamlInline(mine)}).${s.why ? ` ${s.why}` : ''}`,
      range: doc.rangeOf(s.path, 'value'),
      source: s.source,
      fixes: fixesFor(doc, [
        {
          title: `Use the paper's value (${yamlInline(s.value)})`,
          edits: [{ kind: 'setValue', path: s.path, value: s.value }],
        },
      ]),
    });
  }
  return out;
}

export function valueAt(value: unknown, path: (string | number)[]): unknown {
  let cur: any = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[seg];
  }
  return cur;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
  return JSON.stringify(a) === JSON.stringify(b);
}

function toFinding(doc: ConfigDocument, r: RuleResult): Finding {
  return {
    severity: r.severity,
    code: r.code,
    message: r.message,
    range: doc.rangeOf(r.path, r.target ?? 'key'),
    source: r.source,
    fixes: fixesFor(doc, r.fixes),
  };
}

function fixesFor(doc: ConfigDocument, fixes: ConfigFix[] | undefined): Fix[] | undefined {
  if (!fixes?.length) return undefined;
  const out: Fix[] = [];
  for (const f of fixes) {
    const edits = configEditsToTextEdits(doc, f.edits);
    if (edits.length) out.push({ title: f.title, edits, ...(f.preferred ? { preferred: true } : {}) });
  }
  return out.length ? out : undefined;
}

function rangeKey(r: Finding['range']): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function sameRange(a: Finding['range'], b: Finding): boolean {
  return a.start.line === b.range.start.line && a.start.character === b.range.start.character;
}

/** The example config as JSON (comments cannot come along). */
function exampleAsJson(yaml: string): string {
  return JSON.stringify(new ConfigDocument(yaml, 'example.exp.yaml').value, null, 2) + '\n';
}

function internal(doc: ConfigDocument, what: string, err: unknown): Finding {
  return {
    severity: 'error',
    code: 'internal/error',
    message: `Paperlab failed while ${what} (${err instanceof Error ? err.message : String(err)}). This is a bug in Paperlab, not in your config; please report it.`,
    range: doc.rangeOf([]),
  };
}

function finish(
  doc: ConfigDocument,
  findings: Finding[],
  config: Record<string, unknown> | undefined,
  paper: PaperEntry | undefined,
): LintResult {
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { findings, config, ok: !findings.some((f) => f.severity === 'error'), paper, document: doc };
}
