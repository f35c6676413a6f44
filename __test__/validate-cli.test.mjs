// `fixture-native validate` through the package bin: formats and exit codes on the bundled example.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { diagnosticRules, validateFactories } from '../index.js'

const bin = fileURLToPath(new URL('../bin/fixture-native.js', import.meta.url))
const examples = fileURLToPath(new URL('../examples/', import.meta.url))
const run = (...args) => spawnSync(process.execPath, [bin, 'validate', ...args], { encoding: 'utf8', cwd: examples })
const brokenCount = validateFactories({ cwd: examples, config: 'broken.config.json' }).diagnostics.length

test('clean: exit 0, a summary line with factories, models and coverage', () => {
  const r = run('--config', 'fixture-native.config.json')
  assert.equal(r.status, 0, r.stderr)
  assert.match(r.stdout, /^12 factories in \d+ files, 12 models, coverage 12\/12 \(100%\)$/m)
  assert.match(r.stdout, /^No problems found in [\d.]+ ms\.$/m)
})

test('broken: exit 1, tsc-style lines with a code frame, suggestion and help', () => {
  const r = run('--config', 'broken.config.json')
  assert.equal(r.status, 1)
  assert.match(r.stdout, /^broken\/tagFixtures\.ts:5:26 - error unknown-prisma-type: `Prisma\.TagCreateInput` does not exist/m)
  const frame = '5 export const minimalTag: Prisma.TagCreateInput = { // expect: unknown-prisma-type\n' +
    `${' '.repeat(2 + 25)}${'~'.repeat('Prisma.TagCreateInput'.length)}\n` +
    '  suggestion: Prisma.tagCreateInput\n'
  assert.ok(r.stdout.includes(frame), r.stdout)
  assert.match(r.stdout, /^Found \d+ errors and 8 warnings in \d+ files in [\d.]+ ms\.$/m)
})

test('--format json is eslint-shaped and holds every diagnostic', () => {
  const files = JSON.parse(run('--config', 'broken.config.json', '--format', 'json').stdout)
  assert.equal(files.reduce((n, f) => n + f.messages.length, 0), brokenCount)
  for (const f of files) {
    assert.equal(f.errorCount, f.messages.filter((m) => m.severity === 2).length)
    for (const m of f.messages) assert.ok(m.ruleId && m.line >= 1 && m.column >= 1 && m.endLine >= m.line)
  }
})

test('--format sarif is SARIF 2.1.0 with one rule per code', () => {
  const sarif = JSON.parse(run('--config', 'broken.config.json', '--format', 'sarif').stdout)
  assert.equal(sarif.version, '2.1.0')
  const [runEntry] = sarif.runs
  assert.equal(runEntry.tool.driver.rules.length, diagnosticRules().length)
  assert.equal(runEntry.results.length, brokenCount)
  const withFix = runEntry.results.find((r) => r.fixes)
  assert.ok(withFix.fixes[0].artifactChanges[0].replacements[0].insertedContent.text)
})

test('--format github and junit: one annotation / failure per diagnostic', () => {
  const gh = run('--config', 'broken.config.json', '--format', 'github')
  assert.equal(gh.stdout.trim().split('\n').filter((l) => /^::(error|warning) file=/.test(l)).length, brokenCount)
  const junit = run('--config', 'broken.config.json', '--format', 'junit')
  assert.equal((junit.stdout.match(/<failure /g) ?? []).length, brokenCount)
  assert.equal(junit.status, 1)
})

test('--quiet hides warnings; --max-warnings turns them into a failure', () => {
  const q = run('--config', 'broken.config.json', '--quiet')
  assert.doesNotMatch(q.stdout, / - warning /)
  const offs = ['parse-error', 'unknown-model', 'unknown-prisma-type', 'type-model-mismatch', 'unknown-delegate', 'delegate-mismatch',
    'missing-abstract-method', 'missing-fixture-category', 'missing-required-field', 'unknown-field', 'mixed-relation-input',
    'field-type-mismatch', 'invalid-enum-value', 'bigint-literal-target', 'unresolved-import', 'value-exceeds-column'].flatMap((c) => ['--rule', `${c}=off`])
  assert.equal(run('--config', 'broken.config.json', ...offs).status, 0)
  const over = run('--config', 'broken.config.json', ...offs, '--max-warnings', '3')
  assert.equal(over.status, 1)
  assert.match(over.stderr, /more than --max-warnings 3/)
})

test('bad usage or unreadable input: exit 2 with the reason on stderr', () => {
  for (const args of [['--format', 'xml'], ['--config', 'nope.json'], ['--schema', 'prisma/schema.prisma', '--factories', 'nowhere']]) {
    const r = run(...args)
    assert.equal(r.status, 2, args.join(' '))
    assert.equal(r.stdout, '')
    assert.ok(r.stderr.length > 0)
  }
})
