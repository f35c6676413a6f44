import type { FormatReportOptions, ValidateOptions } from '../index'

/** Options of the Jest and Vitest gates: `validateFactories`'s, and what to print and when to stop. */
export interface GateOptions extends ValidateOptions {
  /** Also stop the run when there are more warnings than this (default: warnings never stop it). */
  maxWarnings?: number
  /** How the report is printed (default `'pretty'`; `'github'` in GitHub Actions annotates the diff). */
  format?: FormatReportOptions['format']
  /** Print errors only. */
  quiet?: boolean
  /** Where the report goes (default: standard error). */
  print?: (text: string) => void
}
