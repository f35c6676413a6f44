'use strict'
// The check Jest's and Vitest's globalSetup run before any test file: validate the fixture
// factories (config found from the runner's root), print the report, and throw when the run must
// stop. The runner adapters (jest.js, vitest.js) only find the root and call `runGate`.
const path = require('node:path')

// How many diagnostics the thrown error lists; the printed report above it has them all.
const LISTED_IN_ERROR = 5

/**
 * @param {import('./gate').GateOptions} options
 * @param {string} runnerRoot  the runner's root folder (Jest `rootDir`, Vitest `root`)
 * @returns {import('../index').ValidationReport | undefined} undefined when skipped
 */
function runGate(options, runnerRoot) {
  const { maxWarnings, format = 'pretty', quiet = false, print = writeStderr, ...validateOptions } = options || {}
  if (isSkipped(process.env.FIXTURE_NATIVE_SKIP)) {
    print('fixture-native: FIXTURE_NATIVE_SKIP is set; the fixture factories were not validated.\n')
    return undefined
  }
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new TypeError(`fixture-native: maxWarnings must be a whole number of 0 or more; got ${String(maxWarnings)}`)
  }
  const cwd = path.resolve(runnerRoot || process.cwd(), validateOptions.cwd || '.')
  const native = require('../binding.js')
  let report
  try {
    report = native.validateFactories({ ...validateOptions, cwd })
  } catch (err) {
    const error = new Error(
      `fixture-native: the fixture factories could not be validated (from ${cwd}): ${err.message}\n` +
        'Configure it in fixture-native.config.json or "fixtureNative" in package.json ' +
        '(schema, factories), or set FIXTURE_NATIVE_SKIP=1 to run the tests without this check.',
    )
    error.code = 'ERR_FIXTURE_NATIVE_GATE_SETUP'
    error.cause = err
    throw withoutStack(error)
  }
  print(native.formatValidationReport(report, { format, cwd, quiet }))

  const errors = report.diagnostics.filter((d) => d.severity === 'error')
  const warnings = report.diagnostics.length - errors.length
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings
  if (errors.length === 0 && !tooManyWarnings) return report

  const blocking = errors.length > 0 ? errors : report.diagnostics
  const listed = blocking
    .slice(0, LISTED_IN_ERROR)
    .map((d) => `  ${path.relative(cwd, d.file) || d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`)
  if (blocking.length > listed.length) listed.push(`  … and ${blocking.length - listed.length} more (in the report above)`)
  const headline = errors.length > 0
    ? `${errors.length} error${errors.length === 1 ? '' : 's'} in the fixture factories`
    : `${warnings} warnings in the fixture factories, more than maxWarnings ${maxWarnings}`
  const error = new Error(
    `fixture-native: ${headline}; no test was run.\n${listed.join('\n')}\n` +
      'Fix them (`npx fixture-native validate` prints the same report), or set FIXTURE_NATIVE_SKIP=1 to run the tests anyway.',
  )
  error.code = 'ERR_FIXTURE_FACTORIES_INVALID'
  // Not enumerable: runners print an error's own properties, and the report is already printed.
  Object.defineProperty(error, 'report', { value: report, enumerable: false, configurable: true, writable: true })
  throw withoutStack(error)
}

function isSkipped(value) {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false'
}

// The runners print an error's stack; ours would only point into this file, so it is the message.
function withoutStack(error) {
  error.stack = `Error: ${error.message}`
  return error
}

function writeStderr(text) {
  process.stderr.write(text)
}

module.exports = { runGate }
