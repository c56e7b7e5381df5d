/** The config core's public API: the host adapters, the CLI and the trainer use only this. */
export type { Finding, Fix, Range, Position, Severity, TextEdit } from './findings';
export { lintText, type LintOptions, type LintResult } from './lint';
export { ConfigDocument, parseConfig, kindOf, type DocNode, type PathAt } from './document';
export { configEditsToTextEdits, applyTextEdits, yamlInline } from './edits';
export { publishedSchema, validatorFor } from './validate';
export { complete, hover, paperMarkdown, type CompletionEntry, type HoverResult } from './language';
