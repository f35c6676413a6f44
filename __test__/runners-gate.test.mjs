// The gate's logic in-process (runners/gate.js) and the renderer it prints with. The real runners,
// from an installed package, are in install-runners.test.mjs.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const { runGate } = require('../runners/gate.js')
const { validateFactories, formatValidationReport, runCli } = require('../binding.js')
const jestEntry = require('../runners/jest.js')
const vitestEntry = require('../runners/vitest.js')

const examples = fileURLToPath(new URL('../examples/', import.meta.url)).replace(/\/$/, '')
const withoutTime = (text) => text.replace(/ in [\d.]+ ms\./g, ' in (time).').replace(/time="[\d.]+"/g, 'time="(time)"')

function gate(options = {}, root = examples) {
  let printed = ''
  const saved = process.env.FIXTURE_NATIVE_SKIP
  delete process.env.FIXTURE_NATIVE_SKIP
  try {
    const report = runGate({ print: (t) => (printed += t), ...options }, root)
    return { report, printed }
  } catch (error) {
    return { error, printed }
  } finally {
    if (saved !== undefined) process.env.FIXTURE_NATIVE_SKIP = saved
  }
}

test('clean factories: prints the pretty report and returns it', () => {
  const { report, printed, error } = gate()
  assert.equal(error, undefined)
  assert.equal(report.ok, true)
  assert.equal(withoutTime(printed), withoutTime(runCli(['validate'], examples).stdout))
  assert.match(printed, /No problems found/)
})

test('errors: the thrown error names the first five diagnostics, code, file:line:column', () => {
  const { error, printed } = gate({ config: 'broken.config.json' })
  assert.ok(error instanceof Error)
  assert.equal(error.code, 'ERR_FIXTURE_FACTORIES_INVALID')
  const errors = error.report.diagnostics.filter((d) => d.severity === 'error')
  assert.ok(errors.length > 5)
  const lines = error.message.split('\n')
  assert.equal(lines[0], `fixture-native: ${errors.length} errors in the fixture factories; no test was run.`)
  errors.slice(0, 5).forEach((d, i) => {
    assert.equal(lines[i + 1], `  ${path.relative(examples, d.file)}:${d.line}:${d.column} error ${d.code}: ${d.message}`)
  })
  assert.equal(lines[6], `  … and ${errors.length - 5} more (in the report above)`)
  assert.match(lines[7], /FIXTURE_NATIVE_SKIP=1/)
  assert.ok(!Object.keys(error).includes('report'), 'the report is not an enumerable property')
  // The printed report is the CLI's.
  assert.equal(withoutTime(printed), withoutTime(runCli(['validate', '--config', 'broken.config.json'], examples).stdout))
})

test('warnings pass, unless there are more than maxWarnings', () => {
  const onlyWarnings = { config: 'broken.config.json', rules: Object.fromEntries(
    validateFactories({ cwd: examples, config: 'broken.config.json' }).diagnostics
      .filter((d) => d.severity === 'error').map((d) => [d.code, 'off'])) }
  const passing = gate(onlyWarnings)
  assert.equal(passing.error, undefined)
  const warnings = passing.report.diagnostics.length
  assert.ok(warnings > 0)
  assert.equal(gate({ ...onlyWarnings, maxWarnings: warnings }).error, undefined)
  const stopped = gate({ ...onlyWarnings, maxWarnings: warnings - 1 })
  assert.match(stopped.error.message, new RegExp(`^fixture-native: ${warnings} warnings in the fixture factories, more than maxWarnings ${warnings - 1}; no test was run\\.`))
  assert.throws(() => runGate({ maxWarnings: -1 }, examples), /maxWarnings must be a whole number/)
})

test('FIXTURE_NATIVE_SKIP skips with one line; 0 or false do not', () => {
  for (const [value, skipped] of [['1', true], ['true', true], ['0', false], ['false', false], ['', false]]) {
    process.env.FIXTURE_NATIVE_SKIP = value
    let printed = ''
    let thrown
    try {
      runGate({ config: 'broken.config.json', print: (t) => (printed += t) }, examples)
    } catch (e) {
      thrown = e
    } finally {
      delete process.env.FIXTURE_NATIVE_SKIP
    }
    assert.equal(thrown === undefined, skipped, `FIXTURE_NATIVE_SKIP=${value}`)
    if (skipped) assert.equal(printed, 'fixture-native: FIXTURE_NATIVE_SKIP is set; the fixture factories were not validated.\n')
  }
})

test('a missing config or schema stops the run with the reason and what to do', () => {
  const { error } = gate({ config: 'no-such.config.json' })
  assert.equal(error.code, 'ERR_FIXTURE_NATIVE_GATE_SETUP')
  assert.match(error.message, /could not be validated .*no-such\.config\.json/)
  assert.match(error.message, /fixture-native\.config\.json or "fixtureNative" in package\.json/)
})

test('format and quiet: what is printed follows them', () => {
  const { printed } = gate({ config: 'broken.config.json', format: 'github', quiet: true })
  assert.ok(printed.split('\n').filter(Boolean).every((l) => l.startsWith('::error ')), printed)
})

test('the runner entry points take the root from Jest and Vitest', async () => {
  let printed = ''
  const options = { config: 'fixture-native.config.json', print: (t) => (printed += t) }
  await jestEntry.createGlobalSetup(options)({ rootDir: '/' }, { rootDir: examples })
  assert.match(printed, /No problems found/)
  printed = ''
  assert.equal(await vitestEntry.createGlobalSetup(options)({ config: { root: examples } }), undefined)
  assert.match(printed, /No problems found/)
  await assert.rejects(vitestEntry.createGlobalSetup({ ...options, config: 'broken.config.json' })({ config: { root: examples } }), { code: 'ERR_FIXTURE_FACTORIES_INVALID' })
  assert.equal(jestEntry.default, jestEntry)
  assert.equal(vitestEntry.setup, vitestEntry.default)
})

test('formatValidationReport renders as the CLI does, in every format', () => {
  const report = validateFactories({ cwd: examples, config: 'broken.config.json' })
  for (const format of ['pretty', 'json', 'sarif', 'junit', 'github']) {
    const cli = runCli(['validate', '--config', 'broken.config.json', '--format', format], examples).stdout
    assert.equal(withoutTime(formatValidationReport(report, { format, cwd: examples })), withoutTime(cli), format)
  }
  assert.throws(() => formatValidationReport(report, { format: 'xml' }), /"xml" is not one of "pretty", "json", "sarif", "junit", "github"/)
  assert.throws(() => formatValidationReport({ ...report, diagnostics: [{ ...report.diagnostics[0], code: 'nope' }] }), /"nope" is not a diagnostic code/)
})
