/** The paper plug-in contract: the types a paper implements and `definePaper` that registers it. */
export * from './types';
export { definePaper, defineRule } from './define';
export * from './blocks';
