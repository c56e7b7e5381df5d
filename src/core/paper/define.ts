/**
 * `definePaper`: a paper author's typed spec in, the registry's erased definition out.
 *
 * The only place where a config of unknown type becomes `Static<S>`: the linter calls a paper's rules,
 * work estimate and key settings only with a config that the same schema has validated (with its
 * defaults filled in), so the narrowing below is what validation already proved.
 */
import type { TSchema } from '@sinclair/typebox';
import type { ConfigPath, KeySetting, PaperRule, PaperSetting, PaperSpec, TypedPaperDefinition } from './types';

export function definePaper<S extends TSchema>(spec: PaperSpec<S>): TypedPaperDefinition<S> {
  const { rules, paperSetting, keySettings, work, ...rest } = spec;
  return {
    ...rest,
    rules: rules.map((r) => eraseRule(r)),
    paperSetting: paperSetting.map((s): PaperSetting => ({ ...s, path: [...(s.path as ConfigPath)] })),
    keySettings: keySettings.map((k): KeySetting => ({ label: k.label, path: [...(k.path as ConfigPath)] })),
    ...(work ? { work: (config: unknown) => work(config) } : {}),
  };
}

/** Declares a rule against the slice of the config it reads; reused by every paper whose config has it. */
export function defineRule<C>(rule: PaperRule<C>): PaperRule<C> {
  return rule;
}

function eraseRule<C>(rule: PaperRule<C>): PaperRule<unknown> {
  return { code: rule.code, title: rule.title, source: rule.source, check: (config) => rule.check(config as C) };
}
