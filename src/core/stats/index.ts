/** Statistics for reproduction claims: summaries over seeds, comparisons, equivalence, line fits. */
export * from './summary';
export * from './fit';
export * from './select';
export * from './continual';
export * from './scaling';
export * from './distributions';
export * from './ncx2';
export * from './optimize';
export * from './quantileScores';
export * from './regression';
