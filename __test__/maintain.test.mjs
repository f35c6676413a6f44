// Keeping fixtures in step with the schema, through the package: `validate --fix` and
// `--fix-dry-run` on a copy of the broken example (tsc as the judge of the fixed files),
// `applyFixes(report)`, `diffSchemas`, and the `coverage` / `docs` commands.

import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { validateFactories, applyFixes, diffSchemas } from '../index.js'
import { prismaClientFor, tscErrors, tscCodeMatches } from './support/tsc-judge.mjs'

const bin = fileURLToPath(new URL('../bin/fixture-native.js', import.meta.url))
const examples = fileURLToPath(new URL('../examples/', import.meta.url))
const cli = (cwd, ...args) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd })

/** A fresh copy of examples/ in a temporary folder (removed when the test ends). */
function copyOfExamples(t) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fixture-native-maintain-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const root = path.join(dir, 'examples')
  cpSync(examples, root, { recursive: true })
  return root
}

const snapshot = (root) => new Map(readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => path.join(e.parentPath ?? e.path, e.name))
  .map((file) => [path.relative(root, file), readFileSync(file, 'utf8')]))

const safeFixes = (report) => report.diagnostics.filter((d) => d.fix?.safe)

let client
before(async () => {
  client = await prismaClientFor(path.join(examples, 'prisma', 'schema.prisma'))
})

test('validate --fix: fixes the certain problems, reports the rest, and a second run changes nothing', async (t) => {
  const root = copyOfExamples(t)
  const original = snapshot(root)
  const beforeReport = validateFactories({ cwd: root, config: 'broken.config.json' })
  const fixable = safeFixes(beforeReport)
  assert.ok(fixable.length >= 7, `${fixable.length} safe fixes`)

  const first = cli(root, 'validate', '--config', 'broken.config.json', '--fix')
  assert.equal(first.status, 1, first.stderr) // unfixable errors remain
  assert.match(first.stdout, new RegExp(`^Fixed ${fixable.length} problems in \\d+ files\\.$`, 'm'))
  assert.match(first.stdout, /^ {2}broken\/tagFixtures\.ts: 2 fixes$/m)
  assert.match(first.stdout, /^Remaining: \d+ errors and \d+ warnings/m)

  const afterReport = validateFactories({ cwd: root, config: 'broken.config.json' })
  assert.deepEqual(safeFixes(afterReport), [])
  // Exactly the fixable ones are gone; everything else is still reported.
  const key = (d) => `${path.relative(root, d.file)} ${d.code} ${d.message}`
  const expected = beforeReport.diagnostics.filter((d) => !d.fix?.safe).map(key).sort()
  assert.deepEqual(afterReport.diagnostics.map(key).sort(), expected)

  const fixedFiles = snapshot(root)
  const second = cli(root, 'validate', '--config', 'broken.config.json', '--fix')
  assert.match(second.stdout, /^Fixed 0 problems in 0 files\.$/m)
  assert.deepEqual(snapshot(root), fixedFiles, 'a second --fix changes nothing')

  // tsc judges the fixed files: a file whose tsc errors were all on fixed lines now compiles,
  // and no file gains an error.
  const fixedLines = new Set(fixable.map((d) => `${path.relative(root, d.file)}:${d.line}`))
  const beforeTsc = await tscErrors(path.join(examples, 'broken', 'tsconfig.json'), { prismaClient: client })
  const afterTsc = await tscErrors(path.join(root, 'broken', 'tsconfig.json'), { prismaClient: client })
  const changed = [...fixedFiles.keys()].filter((f) => fixedFiles.get(f) !== original.get(f))
  assert.ok(changed.length >= 3, changed.join(', '))
  const cleaned = []
  for (const file of changed) {
    const was = beforeTsc.errors.filter((e) => e.file === path.join(examples, file))
    const is = afterTsc.errors.filter((e) => e.file === path.join(root, file))
    const kinds = (errors) => errors.map((e) => `TS${e.tsCode} ${e.message}`).sort()
    const left = was.filter((e) => !fixedLines.has(`${file}:${e.line}`))
    assert.deepEqual(kinds(is), kinds(left), `${file}: tsc errors after --fix`)
    if (was.length > 0 && left.length === 0) {
      assert.deepEqual(is, [], `${file} failed tsc only for fixed reasons and must now compile`)
      cleaned.push(file)
    }
  }
  // The other fixed files hold defects left as suggestions (the delegate, the tag fixtures' other
  // defects), which stay; the payment seed compiles with its declared type changed.
  assert.deepEqual(cleaned, ['broken/paymentSeeds.ts'])
  assert.ok(fixable.some((d) => d.code === 'unknown-prisma-type' && tscCodeMatches(d.code, 2724)))
})

test('--fix-dry-run prints a unified diff and writes nothing', (t) => {
  const root = copyOfExamples(t)
  const original = snapshot(root)
  const r = cli(root, 'validate', '--config', 'broken.config.json', '--fix-dry-run')
  assert.equal(r.status, 1)
  assert.ok(r.stdout.includes('--- a/broken/paymentSeeds.ts\n+++ b/broken/paymentSeeds.ts\n'), r.stdout)
  assert.ok(r.stdout.includes('-    const payment: Prisma.PaymentCreateInput = {\n+    const payment: Prisma.PaymentUncheckedCreateInput = {\n'), r.stdout)
  // Suggestions are not in it: a super("…") string is a run-time value.
  assert.ok(!r.stdout.includes('broken/UserDbFactory.ts'), r.stdout)
  assert.match(r.stderr, /^Would fix \d+ problems in \d+ files\.$/m)
  assert.deepEqual(snapshot(root), original)
  const git = spawnSync('git', ['apply', '--check', '-'], { input: r.stdout, cwd: root, encoding: 'utf8' })
  assert.equal(git.status, 0, `the diff applies with git apply: ${git.stderr}`)
})

test('validate --fix --format json reports what was fixed and what remains', (t) => {
  const root = copyOfExamples(t)
  const fixable = safeFixes(validateFactories({ cwd: root, config: 'broken.config.json' }))
  const r = cli(root, 'validate', '--config', 'broken.config.json', '--fix', '--format', 'json')
  assert.equal(r.status, 1, r.stderr)
  const out = JSON.parse(r.stdout)
  assert.equal(out.fixed.length, fixable.length)
  assert.deepEqual(out.writeErrors, [])
  assert.deepEqual(out.skipped, [])
  assert.ok(out.files.every((f) => f.written && f.fixes >= 1))
  assert.equal(out.remaining.ok, false)
  assert.deepEqual(out.remaining.diagnostics, validateFactories({ cwd: root, config: 'broken.config.json' }).diagnostics
    .map(({ fix, suggestion, help, ...d }) => ({ ...d, ...(suggestion ? { suggestion } : {}), ...(help ? { help } : {}), ...(fix ? { fix } : {}) })))
})

test('applyFixes(report) applies the safe fixes of a report, atomically and inside the root', (t) => {
  const root = copyOfExamples(t)
  const report = validateFactories({ cwd: root, config: 'broken.config.json' })
  const fixable = safeFixes(report)
  for (const d of fixable) {
    assert.ok(d.fix.edits.length >= 1 && d.fix.edits.every((e) => e.byteEnd >= e.byteStart && e.line >= 1), JSON.stringify(d))
  }
  const outside = applyFixes(report, { root: path.join(root, 'src') })
  assert.equal(outside.fixed, 0)
  assert.ok(outside.errors.every((e) => /refusing to write outside the project root/.test(e)) && outside.errors.length > 0, outside.errors.join('\n'))
  const r = applyFixes(report, { root })
  assert.deepEqual(r.errors, [])
  assert.equal(r.fixed, fixable.length)
  assert.ok(r.files.length >= 3)
  const again = validateFactories({ cwd: root, config: 'broken.config.json' })
  assert.deepEqual(safeFixes(again), [])
  // Something that is not a validator report is refused with the reason.
  assert.throws(() => applyFixes({ ...report, diagnostics: [{ ...fixable[0], code: 'no-such-code' }] }), /is not a diagnostic code/)
})

test('diffSchemas: a removed enum value breaks the fixture lines that use it', () => {
  const schema = readFileSync(path.join(examples, 'prisma', 'schema.prisma'), 'utf8')
  const changed = schema.replace('enum PaymentStatus {\n  Pending\n  Paid\n  Failed\n}', 'enum PaymentStatus {\n  Pending\n  Paid\n}')
  assert.notEqual(changed, schema)
  const result = diffSchemas({ old: { source: schema }, new: { source: changed }, factories: 'src/fixtures/db', cwd: examples })
  assert.equal(result.factoriesChecked, true)
  assert.deepEqual(result.changes.map((c) => c.description), ['enum value `PaymentStatus.Failed` removed'])
  const factory = readFileSync(path.join(examples, 'src/fixtures/db/PaymentDbFactory.ts'), 'utf8').split('\n')
  const expected = factory.flatMap((text, i) => (text.includes('"Failed"') ? [i + 1] : []))
  assert.ok(expected.length > 0)
  const breaks = result.changes[0].breaks.filter((d) => d.file.endsWith('PaymentDbFactory.ts'))
  assert.deepEqual(breaks.map((d) => d.line), expected)
  assert.ok(breaks.every((d) => d.code === 'invalid-enum-value'))
  assert.throws(() => diffSchemas({ old: 'no/such.prisma', new: { source: changed }, cwd: examples }), /no\/such\.prisma/)
})

test('coverage and docs through the bin', (t) => {
  const json = cli(examples, 'coverage', '--config', 'fixture-native.config.json', '--format', 'json')
  assert.equal(json.status, 0, json.stderr)
  const report = JSON.parse(json.stdout)
  assert.equal(report.modelsWithFactory, 12)
  assert.ok(report.percent > 50 && report.percent < 100, String(report.percent))
  assert.equal(cli(examples, 'coverage', '--config', 'fixture-native.config.json', '--min', '99').status, 1)

  const dir = mkdtempSync(path.join(tmpdir(), 'fixture-native-docs-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const config = path.join(examples, 'fixture-native.config.json')
  assert.equal(cli(dir, 'docs', '--config', config, '--out', 'FIXTURES.md').status, 0)
  assert.match(readFileSync(path.join(dir, 'FIXTURES.md'), 'utf8'), /^## TeamDbFactory$/m)
  assert.equal(cli(dir, 'docs', '--config', config, '--out', 'FIXTURES.md', '--check').status, 0)
})
