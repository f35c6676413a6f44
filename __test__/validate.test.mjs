// validateFactories on the bundled example (examples/README.md is the contract): the clean set
// yields nothing, the broken set exactly its `// expect:` markers, the broken schema one
// schema-error; options, config files and errors behave as documented.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { validateFactories, diagnosticRules, DiagnosticCode } from '../index.js'

const examples = fileURLToPath(new URL('../examples/', import.meta.url))
const rel = (file) => path.relative(examples, file).split(path.sep).join('/')
const MARKER = /\/\/\s*expect(-next-line)?:\s*(.+?)\s*$/

function markersUnder(dir) {
  const out = new Map()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue
    const file = path.join(entry.parentPath ?? entry.path, entry.name)
    readFileSync(file, 'utf8').split('\n').forEach((text, i) => {
      const m = MARKER.exec(text)
      if (!m) return
      const key = `${rel(file)}:${i + 1 + (m[1] ? 1 : 0)}`
      const codes = m[2].split(',').map((c) => c.trim()).filter(Boolean)
      out.set(key, [...(out.get(key) ?? []), ...codes].sort())
    })
  }
  return out
}

function byLine(diagnostics) {
  const out = new Map()
  for (const d of diagnostics) {
    const key = `${rel(d.file)}:${d.line}`
    out.set(key, [...(out.get(key) ?? []), d.code].sort())
  }
  return out
}

const run = (config, extra = {}) => validateFactories({ cwd: examples, config, ...extra })

test('the clean example: no diagnostic, 12 factories, full coverage', () => {
  const report = run('fixture-native.config.json')
  assert.deepEqual(report.diagnostics.map((d) => `${rel(d.file)}:${d.line} ${d.code} ${d.message}`), [])
  assert.equal(report.ok, true)
  assert.equal(report.factories.length, 12)
  assert.deepEqual(report.coverage, { total: 12, covered: 12, missing: [], extra: [] })
  assert.equal(report.schema.models, 12)
  assert.ok(report.durationMs > 0)
  for (const f of report.factories) {
    assert.ok(path.isAbsolute(f.file) && f.line > 0 && typeof f.model === 'string', JSON.stringify(f))
  }
})

test('the broken example: exactly the marked diagnostics, at the marked lines', () => {
  const report = run('broken.config.json')
  assert.equal(report.ok, false)
  const expected = markersUnder(path.join(examples, 'broken'))
  const inCode = report.diagnostics.filter((d) => d.code !== 'missing-factory')
  const actual = byLine(inCode)
  const problems = []
  for (const [key, codes] of expected) {
    if (JSON.stringify(actual.get(key)) !== JSON.stringify(codes)) problems.push(`${key}: expected ${codes}, got ${actual.get(key) ?? 'nothing'}`)
  }
  for (const [key, codes] of actual) {
    if (!expected.has(key)) problems.push(`${key}: unexpected ${codes}`)
  }
  assert.deepEqual(problems, [])
  // Every code of the table is exercised by the example's runs.
  const seen = new Set(['broken.config.json', 'broken-schema.config.json', 'ungenerated-client.config.json'].flatMap((config) => run(config).diagnostics.map((d) => d.code)))
  // `verify-failed` is reported by verifyFactories against a database (__test__/verify-db.test.mjs), never statically.
  for (const rule of diagnosticRules().filter((r) => r.code !== 'verify-failed')) assert.ok(seen.has(rule.code), `${rule.code} is not exercised`)
})

test('the ungenerated client: one client-not-generated warning, and the seed still checked', () => {
  const report = run('ungenerated-client.config.json')
  const expected = markersUnder(path.join(examples, 'ungenerated-client'))
  assert.deepEqual(new Map([...byLine(report.diagnostics)].sort()), new Map([...expected].sort()))
  const warning = report.diagnostics.find((d) => d.code === 'client-not-generated')
  assert.equal(warning.severity, 'warning')
  // Named as the import names it, not by a path of this machine.
  assert.match(warning.message, /writes it to \.\/generated, which does not exist yet/)
})

test('the broken example: missing-factory warnings at the models the README lists', () => {
  const report = run('broken.config.json')
  const warnings = report.diagnostics.filter((d) => d.code === 'missing-factory')
  assert.ok(warnings.every((d) => d.severity === 'warning' && rel(d.file) === 'prisma/schema.prisma'))
  assert.deepEqual(warnings.map((d) => d.line), [70, 114, 125, 148, 159])
  assert.deepEqual([...report.coverage.missing].sort(), ['credit_ledger_entry', 'resource', 'tag', 'team', 'team_tag'].sort())
  assert.deepEqual(report.coverage.extra, ['user'])
})

test('diagnostics are sorted, located and carry suggestions where there is one fix', () => {
  const report = run('broken.config.json')
  const keys = report.diagnostics.map((d) => [d.file, d.line, d.column])
  const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]))
  assert.deepEqual(keys, sorted)
  const at = (file, line, code) => report.diagnostics.find((d) => rel(d.file) === file && d.line === line && d.code === code)
  const typeName = at('broken/tagFixtures.ts', 5, 'unknown-prisma-type')
  assert.equal(typeName.suggestion, 'Prisma.tagCreateInput')
  // The span is the type reference itself: its text is what the suggestion replaces.
  const line = readFileSync(path.join(examples, 'broken/tagFixtures.ts'), 'utf8').split('\n')[4]
  assert.equal(line.slice(typeName.column - 1, typeName.endColumn - 1), 'Prisma.TagCreateInput')
  // A foreign key on the relation-style input: the fix rewrites the whole property.
  const fk = at('broken/tagFixtures.ts', 13, 'unknown-field')
  assert.equal(fk.suggestion, 'createdBy: { connect: { id: generatePK() } }')
  const fkLine = readFileSync(path.join(examples, 'broken/tagFixtures.ts'), 'utf8').split('\n')[12]
  assert.equal(fkLine.slice(fk.column - 1, fk.endColumn - 1), 'createdById: generatePK()')
  assert.equal(at('broken/CreditAccountDbFactory.ts', 18, 'unknown-delegate').suggestion, 'credit_account')
  assert.equal(at('broken/UserDbFactory.ts', 14, 'unknown-model').suggestion, '"User"')
  assert.equal(at('broken/TagTranslationDbFactory.ts', 18, 'delegate-mismatch').suggestion, 'tag_translation')
  assert.equal(at('broken/billingFixtures.ts', 5, 'unresolved-import').suggestion, 'generatePublicId')
})

test('the broken schema: one schema-error with Prisma\'s location', () => {
  const report = run('broken-schema.config.json')
  assert.equal(report.diagnostics.length, 1)
  const [d] = report.diagnostics
  assert.equal(d.code, 'schema-error')
  assert.equal(rel(d.file), 'broken-schema/schema.prisma')
  assert.equal(d.line, 22)
  assert.match(d.message, /ReminderList/)
  assert.equal(report.ok, false)
})

test('explicit options win over the config file; rules can turn codes off or down', () => {
  const report = run('broken.config.json', { rules: { 'unknown-field': 'off', 'import-cycle': 'error', 'missing-factory': 'off' } })
  assert.ok(!report.diagnostics.some((d) => d.code === 'unknown-field' || d.code === 'missing-factory'))
  const cycle = report.diagnostics.find((d) => d.code === 'import-cycle')
  assert.equal(cycle.severity, 'error')
  // factories given explicitly replace the config's list (relative to cwd).
  const one = run('broken.config.json', { factories: ['broken/EmailDbFactory.ts', 'src/fixtures/db/EnhancedDatabaseFactory.ts', 'src/fixtures/db/types.ts', 'src/fixtures/db/ids.ts'], rules: { 'missing-factory': 'off' } })
  assert.deepEqual(one.diagnostics.map((d) => `${rel(d.file)}:${d.line} ${d.code}`), ['broken/EmailDbFactory.ts:6 missing-abstract-method'])
  assert.equal(one.files, 4)
})

test('schema as { source }, factories as a glob, no config file', () => {
  const source = readFileSync(path.join(examples, 'prisma/schema.prisma'), 'utf8')
  const report = validateFactories({ cwd: examples, schema: { source }, factories: 'src/fixtures/db/*Factory.ts', tsconfig: 'tsconfig.json' })
  assert.deepEqual(report.diagnostics, [])
  assert.equal(report.factories.length, 12)
})

test('a "fixtureNative" key in package.json is a config too, with paths relative to it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fixture-native-validate-'))
  try {
    mkdirSync(path.join(dir, 'prisma'))
    copyFileSync(path.join(examples, 'prisma/schema.prisma'), path.join(dir, 'prisma/schema.prisma'))
    mkdirSync(path.join(dir, 'factories'))
    const line = 'export const t: Prisma.tagCreateInput = { id: 1n, tag: "x", nope: 1 };'
    writeFileSync(path.join(dir, 'factories/tag.ts'), `import type { Prisma } from "@prisma/client";\n${line}\n`)
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', fixtureNative: { schema: 'prisma/schema.prisma', factories: 'factories', rules: { 'missing-factory': 'off' } } }))
    const report = validateFactories({ cwd: dir })
    assert.deepEqual(report.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.code}`), [`tag.ts:2:${line.indexOf('nope') + 1} unknown-field`])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('bad input throws an Error naming the problem (never a crash)', () => {
  assert.throws(() => run('no-such.config.json'), /no-such\.config\.json: cannot read the config file/)
  assert.throws(() => validateFactories({ cwd: examples, schema: 'prisma/schema.prisma', factories: 'missing-folder' }), /missing-folder: no such file or folder/)
  assert.throws(() => run('fixture-native.config.json', { rules: { 'not-a-code': 'off' } }), /unknown diagnostic code "not-a-code"/)
  assert.throws(() => run('fixture-native.config.json', { rules: { 'unknown-field': 'loud' } }), /"loud" is not one of/)
  assert.throws(() => validateFactories({ cwd: examples, schema: 'no/such.prisma', factories: 'src' }), /no\/such\.prisma/)
})

test('diagnosticRules documents every code once', () => {
  const rules = diagnosticRules()
  assert.equal(rules.length, 22)
  assert.equal(new Set(rules.map((r) => r.code)).size, 22)
  for (const r of rules) {
    assert.ok(r.what && r.why && r.example && r.fix, r.code)
    assert.ok(['error', 'warning'].includes(r.defaultSeverity))
  }
  assert.deepEqual(rules.filter((r) => r.defaultSeverity === 'warning').map((r) => r.code).sort(), ['client-not-generated', 'import-cycle', 'invalid-fixture-accepted', 'missing-factory'])
})

test('the DiagnosticCode union in index.d.ts is the list diagnosticRules() documents', () => {
  const codes = diagnosticRules().map((r) => r.code)
  assert.deepEqual(Object.values(DiagnosticCode), codes)
  const dts = readFileSync(new URL('../index.d.ts', import.meta.url), 'utf8')
  const union = /^export type DiagnosticCode = (.+)$/m.exec(dts)
  assert.ok(union, 'index.d.ts declares `export type DiagnosticCode = …` (napi `constEnum: false`)')
  assert.deepEqual(union[1].split(' | ').map((c) => JSON.parse(c.replaceAll("'", '"'))), codes)
  // Every other code-typed place refers to it instead of repeating the list.
  assert.equal(dts.split("'parse-error'").length - 1, 1, 'the code list is written once in index.d.ts')
})

test('defaults: factories = the folder holding the base class; tsconfig = the nearest one, following extends', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fixture-native-defaults-'))
  try {
    mkdirSync(path.join(dir, 'prisma'))
    copyFileSync(path.join(examples, 'prisma/schema.prisma'), path.join(dir, 'prisma/schema.prisma'))
    const db = path.join(dir, 'test', 'fixtures')
    mkdirSync(db, { recursive: true })
    for (const f of ['EnhancedDatabaseFactory.ts', 'types.ts', 'ids.ts', 'TagDbFactory.ts']) {
      copyFileSync(path.join(examples, 'src/fixtures/db', f), path.join(db, f))
    }
    // Not under the base class's folder: must not be analysed.
    writeFileSync(path.join(dir, 'elsewhere.ts'), 'const broken: = 1\n')
    writeFileSync(path.join(dir, 'tsconfig.base.json'), '{ /* comments are allowed */ "compilerOptions": { "target": "ES2019", }, }\n')
    writeFileSync(path.join(db, 'tsconfig.json'), '{ "extends": "../../tsconfig.base.json" }\n')
    writeFileSync(path.join(db, 'big.ts'), 'export const big = 10n;\n')
    const report = validateFactories({ cwd: dir, rules: { 'missing-factory': 'off' } })
    assert.equal(report.files, 5)
    assert.deepEqual(report.factories.map((f) => f.className), ['TagDbFactory'])
    assert.deepEqual(report.diagnostics.map((d) => `${path.basename(d.file)}:${d.line} ${d.code}`), ['big.ts:1 bigint-literal-target'])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
