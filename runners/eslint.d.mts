// Types of eslint.mjs, the ESM entry point (declared again: an ES module's default import of a
// CommonJS declaration file would be its whole module object).
import type { ESLint, Linter, Rule } from 'eslint'
import type { DiagnosticRule, ValidateOptions } from '../index.js'

/**
 * `settings['fixture-native']`: the options of `validateFactories`. Relative paths start at `cwd`
 * (default: ESLint's working folder); without `config`, the project config is found from the
 * linted file's folder upwards.
 */
export type FixtureNativeSettings = ValidateOptions

/** A rule per diagnostic code: `fixture-native/unknown-field`, … */
export type FixtureNativeRuleName = `fixture-native/${DiagnosticRule['code']}`

type Plugin = ESLint.Plugin & {
  meta: { name: string; version: string }
  rules: Record<DiagnosticRule['code'], Rule.RuleModule>
  configs: {
    /** Every rule at the level of the project's config (`rules`), else its default severity. */
    recommended: Linter.Config & { rules: Record<FixtureNativeRuleName, Linter.RuleSeverity> }
  }
}

declare const plugin: Plugin
export declare const meta: Plugin['meta']
export declare const rules: Plugin['rules']
export declare const configs: Plugin['configs']
export default plugin
