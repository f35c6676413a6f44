import type { Diagnostic, FormatReportOptions, ValidationReport } from '../index'

/** What each factory is asked to do (all by default, in this order). */
export type VerifyMethod = 'createMinimal' | 'createComplete' | 'fixtures' | 'relations' | 'invalid'

/** A PrismaClient (only `$transaction` and the model delegates are used). */
export interface PrismaClientLike {
  $transaction(...args: any[]): any
}

/** A factory class: `new Factory(prisma)` (other constructor arguments: see `construct`). */
export type FactoryClass = abstract new (prisma: any, ...rest: any[]) => object

export interface VerifyOptions {
  /** The client the checks run on, each check in a transaction it rolls back; or a function returning it. */
  prisma: PrismaClientLike | (() => PrismaClientLike | Promise<PrismaClientLike>)
  /**
   * The factory classes (a list, or a module object of them), or a folder, file or glob (or several)
   * the validator's index reads. Default: the config's `factories`, as `validate` reads them.
   */
  factories?: string | string[] | FactoryClass[] | Record<string, unknown>
  /** As `validateFactories`: the schema, config, working folder and base class used to index the factories. */
  schema?: string
  config?: string
  cwd?: string
  baseClass?: string
  /** Which checks run (default: all). */
  methods?: VerifyMethod[]
  /** Models or class names not verified, each with the reason (shown in the report and the test name). */
  skip?: Record<string, string>
  /** Milliseconds per transaction, and per test under describeFactories (default 30,000). */
  timeout?: number
  /** How to build a factory whose constructor takes more than the client, per model or class name. */
  construct?: Record<string, (prisma: any, Factory: any, helpers: { createMinimal(model: string): Promise<any> }) => object | Promise<object>>
  /** Which members of `getFixtures()` hold valid create inputs, collections of them, and invalid ones. */
  fixtureCategories?: { create?: string[]; createCollections?: string[]; invalid?: string[] }
  /** How a factory file is loaded (default: the runner's module system: Jest's `require`, Vitest's `vi.importActual`, else `import()`). */
  import?: (file: string) => unknown
  /** The printed report's format (default `'pretty'`). */
  format?: FormatReportOptions['format']
  /** Errors only. */
  quiet?: boolean
  /** Where the report goes (default: standard error); `false` prints nothing. */
  print?: ((text: string) => void) | false
}

/** One check of a method: a call, a fixture, a helper. */
export interface VerifyCheck {
  check: string
  ok: boolean
  /** Why it failed, in plain words from Prisma's error. */
  cause?: string
  /** Why nothing was checked (no such method, no fixture). */
  skipped?: string
  /** An invalid fixture's rejection, as Prisma said it. */
  rejectedWith?: string
  code?: string
  file?: string
  line?: number
}

export interface VerifyResult {
  className: string
  model?: string
  /** Where the class is declared (the validator's factory index). */
  file?: string
  line?: number
  method: VerifyMethod
  status: 'passed' | 'failed' | 'skipped'
  /** The `skip` reason. */
  reason?: string
  ms?: number
  checks: VerifyCheck[]
  /** The failures, as the validator's diagnostics (`verify-failed`, `invalid-fixture-accepted`). */
  diagnostics?: Diagnostic[]
}

export interface VerifyReport {
  /** `false` when any check failed. */
  ok: boolean
  durationMs: number
  /** Per factory and method. */
  results: VerifyResult[]
  /** A `ValidationReport` (the factory index, the failures as diagnostics) for `formatValidationReport`. */
  report: ValidationReport
  /** The report rendered in `format`. */
  text: string
}

/** Runs every check of every factory in rolled-back transactions and reports each failure at its `file:line`. */
export declare function verifyFactories(options: VerifyOptions): Promise<VerifyReport>

export interface DescribeFactoriesOptions extends VerifyOptions {
  /** The outer describe's title (default `'fixture factories'`). */
  title?: string
  /** The runner's functions, when they are not globals (the ESM entry finds Vitest's itself). */
  runner?: { describe: (...args: any[]) => any; test: (...args: any[]) => any; vi?: unknown }
}

/**
 * Declares one describe per factory and one test per method, with the runner's own describe/test,
 * so its reporter, `-t` filters and watch mode work. Call it at the top level of a test file.
 */
export declare function describeFactories(options: DescribeFactoriesOptions): void

export declare const METHODS: readonly VerifyMethod[]
