import type { ESLint, Linter, Rule } from 'eslint'
import type { DiagnosticRule, ValidateOptions } from '../index'

declare const plugin: ESLint.Plugin & {
  meta: { name: string; version: string }
  rules: Record<DiagnosticRule['code'], Rule.RuleModule>
  configs: {
    /** Every rule at the level of the project's config (`rules`), else its default severity. */
    recommended: Linter.Config & { rules: Record<plugin.FixtureNativeRuleName, Linter.RuleSeverity> }
  }
}

declare namespace plugin {
  /**
   * `settings['fixture-native']`: the options of `validateFactories`. Relative paths start at `cwd`
   * (default: ESLint's working folder); without `config`, the project config is found from the
   * linted file's folder upwards.
   */
  type FixtureNativeSettings = ValidateOptions
  /** A rule per diagnostic code: `fixture-native/unknown-field`, … */
  type FixtureNativeRuleName = `fixture-native/${DiagnosticRule['code']}`
}

export = plugin
