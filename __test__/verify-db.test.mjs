// `verifyFactories` (runners/verify.js) against a real PostgreSQL through Prisma 7: the bundled
// example's clean factories pass; the planted runtime faults of examples/verify (each marked in the
// source with `// verify: <method>` on the line the report must point at) are each reported with
// factory, method, cause and line, and nothing else is; every check runs in a transaction that is
// rolled back, so the database holds no row afterwards; the report renders in the validator's
// formats. The planted set also compiles with the real tsc: these are faults only the database shows.

import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { databaseSkip } from './support/database.mjs'
import { importTranspiled, transpileInPlace } from './support/generated-factories.mjs'

const require = createRequire(import.meta.url)
const { verifyFactories, describeFactories } = require('../runners/verify.js')
const examples = fileURLToPath(new URL('../examples/', import.meta.url))
const schema = path.join(examples, 'prisma', 'schema.prisma')
const skip = databaseSkip()

// The ledger factory takes the account it writes for: the way to build it, as a user passes it.
const construct = { credit_ledger_entry: async (prisma, Factory, { createMinimal }) => new Factory(prisma, (await createMinimal('credit_account')).id) }

let project // a copy of the example with every .ts transpiled beside itself
before(() => {
  project = mkdtempSync(path.join(tmpdir(), 'fixture-native-verify-'))
  for (const entry of ['src', 'prisma', 'verify', 'fixture-native.config.json', 'verify.config.json', 'package.json', 'tsconfig.json']) {
    cpSync(path.join(examples, entry), path.join(project, entry), { recursive: true })
  }
  transpileInPlace(project)
})
after(() => project && rmSync(project, { recursive: true, force: true }))

/** A fresh database of the example schema (plus `extraSql`), a client, and a row counter. */
async function withDatabase(name, extraSql, body) {
  const database = await import('./support/database.mjs')
  const db = await database.applySchema(schema, { name })
  const pg = new (require('pg').Client)({ connectionString: db.url })
  await pg.connect()
  const prisma = await database.prismaClient(schema, db.url)
  try {
    if (extraSql) await pg.query(extraSql)
    const rows = async () => {
      const tables = (await pg.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)).rows
      let total = 0
      for (const { table_name: table } of tables) total += Number((await pg.query(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`)).rows[0].n)
      return total
    }
    return await body({ prisma, rows })
  } finally {
    await prisma.$disconnect()
    await pg.end()
    await db.drop()
  }
}

/** `// verify: a, b` markers of the planted set: Set of `file:line method`. */
function plantedMarkers() {
  const expected = new Set()
  const dir = path.join(project, 'verify')
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    readFileSync(path.join(dir, file), 'utf8').split('\n').forEach((text, index) => {
      const m = /\/\/\s*verify:\s*(.+?)\s*$/.exec(text)
      if (m) for (const method of m[1].split(',')) expected.add(`verify/${file}:${index + 1} ${method.trim()}`)
    })
  }
  return expected
}

test('the clean example: every factory and method passes, and no row is left', { skip }, async () => {
  await withDatabase('verify_clean', null, async ({ prisma, rows }) => {
    let printed = ''
    const verified = await verifyFactories({ prisma, cwd: project, config: 'fixture-native.config.json', construct, import: importTranspiled, print: (t) => (printed += t) })
    assert.deepEqual(verified.report.diagnostics.map((d) => d.message), [], printed)
    assert.equal(verified.ok, true)
    assert.equal(new Set(verified.results.map((r) => r.className)).size, 12)
    assert.equal(verified.results.length, 12 * 5)
    assert.ok(verified.results.every((r) => r.status === 'passed'))
    // Every valid fixture of every category was inserted, and every invalid one rejected.
    const fixtures = verified.results.filter((r) => r.method === 'fixtures').flatMap((r) => r.checks)
    assert.ok(fixtures.length >= 12 * 3, `${fixtures.length} fixture inserts`)
    const rejected = verified.results.filter((r) => r.method === 'invalid').flatMap((r) => r.checks)
    assert.ok(rejected.length >= 24 && rejected.every((c) => c.ok && c.rejectedWith), JSON.stringify(rejected))
    assert.match(printed, /No problems found/)
    assert.equal(await rows(), 0)
  })
})

test('the planted runtime faults: each reported with factory, method, cause and line; the run fails; no row is left', { skip }, async () => {
  const extraSql = readFileSync(path.join(examples, 'verify', 'database.sql'), 'utf8')
  await withDatabase('verify_planted', extraSql, async ({ prisma, rows }) => {
    let printed = ''
    const verified = await verifyFactories({ prisma, cwd: project, config: 'verify.config.json', import: importTranspiled, print: (t) => (printed += t) })
    assert.equal(verified.ok, false)
    const failed = verified.results.filter((r) => r.status === 'failed')
    const actual = new Set(failed.flatMap((r) => r.diagnostics.map((d) => `${path.relative(project, d.file)}:${d.line} ${r.method}`)))
    assert.deepEqual([...actual].sort(), [...plantedMarkers()].sort(), printed)

    const cause = (className, method) => failed.find((r) => r.className === className && r.method === method)?.diagnostics.map((d) => d.message).join('\n') ?? ''
    assert.match(cause('TagDbFactory', 'createComplete'), /second call.*unique constraint tag_tag_key on tag \(tag\) failed: a row with tag = "planted-duplicate" already exists/)
    assert.match(cause('EmailDbFactory', 'createComplete'), /nested connect found no User row \(relation UserToemail/)
    assert.match(cause('PaymentDbFactory', 'createMinimal'), /NOT NULL column payment\.userId got no value/)
    assert.match(cause('PaymentDbFactory', 'fixtures'), /fixtures minimal: NOT NULL column payment\.userId/)
    assert.match(cause('ResourceVersionDbFactory', 'createComplete'), /value too long for column resource_version\.versionLabel \(character varying\(16\)\): 23 characters/)
    assert.match(cause("CreditLedgerEntryDbFactory", "createComplete"), /check constraint credit_ledger_entry_amount_positive of credit_ledger_entry \(CHECK \(\(amount > 0\)\)\) rejected the row/)
    const accepted = failed.find((r) => r.className === 'TagTranslationDbFactory' && r.method === 'invalid').diagnostics
    assert.deepEqual(accepted.map((d) => d.code), ['invalid-fixture-accepted'])
    assert.match(accepted[0].message, /invalid invalid\.missingRequired: the database inserted it/)
    assert.match(cause('TagTranslationDbFactory', 'relations'), /createForTag\(\): the child's tagId is \d+, not the parent's id \d+/)
    // What passed beside them: a relationship helper with the parent made first, the fixtures whose
    // rows verify creates, the other factories (clean ones among them) untouched by the faults.
    const email = verified.results.filter((r) => r.className === 'EmailDbFactory')
    assert.deepEqual(email.find((r) => r.method === 'relations').checks.map((c) => [c.check, c.ok]), [['createForUser()', true]])
    assert.equal(email.find((r) => r.method === 'fixtures').status, 'passed')
    assert.ok(verified.results.filter((r) => r.className === 'UserDbFactory').every((r) => r.status === 'passed'))

    // The printed report is the validator's pretty format, with a code frame at each line.
    assert.match(printed, /verify\/TagDbFactory\.ts:\d+:\d+ - error verify-failed: TagDbFactory \(tag\) createComplete/)
    assert.match(printed, /tag: "planted-duplicate", \/\/ verify: createComplete\n\s+~+/)
    assert.match(printed, /Found 10 errors and 0 warnings/)
    assert.equal(await rows(), 0)
  })
})

test('formats: the report renders as JSON and GitHub annotations with the validator\'s reporters', { skip }, async () => {
  const extraSql = readFileSync(path.join(examples, 'verify', 'database.sql'), 'utf8')
  await withDatabase('verify_formats', extraSql, async ({ prisma }) => {
    const options = { prisma, cwd: project, config: 'verify.config.json', import: importTranspiled, methods: ['createMinimal', 'createComplete'], skip: { tag: 'seeded by a migration', EmailDbFactory: 'not ours' } }
    const json = await verifyFactories({ ...options, format: 'json', print: false })
    // ESLint's JSON layout, as `validate --format json` prints it.
    const messages = JSON.parse(json.text).flatMap((file) => file.messages.map((m) => ({ ...m, file: file.filePath })))
    assert.equal(json.ok, false)
    assert.ok(messages.every((m) => m.ruleId === 'verify-failed' && m.severity === 2 && m.line > 1 && m.file.includes(`${path.sep}verify${path.sep}`)), json.text)
    assert.deepEqual(messages.map((m) => m.message.split(':')[0]).sort(), ['CreditLedgerEntryDbFactory (credit_ledger_entry) createComplete', 'PaymentDbFactory (Payment) createMinimal', 'ResourceVersionDbFactory (resource_version) createComplete'])
    // Skipped with the reason; only the chosen methods ran.
    const skipped = json.results.filter((r) => r.status === 'skipped')
    assert.deepEqual(skipped.map((r) => `${r.className} ${r.method} ${r.reason}`).sort(), [
      'EmailDbFactory createComplete not ours', 'EmailDbFactory createMinimal not ours',
      'TagDbFactory createComplete seeded by a migration', 'TagDbFactory createMinimal seeded by a migration',
    ])
    assert.deepEqual([...new Set(json.results.map((r) => r.method))].sort(), ['createComplete', 'createMinimal'])
    const github = await verifyFactories({ ...options, format: 'github', print: false })
    assert.match(github.text, /^::error file=verify\/PaymentDbFactory\.ts,line=\d+,.*title=verify-failed::PaymentDbFactory \(Payment\) createMinimal/m)
  })
})

test('classes instead of a folder: looked up in the factory index; a class it does not know fails with what to pass', { skip }, async () => {
  await withDatabase('verify_classes', null, async ({ prisma, rows }) => {
    const { UserDbFactory } = await importTranspiled(path.join(project, 'src/fixtures/db/UserDbFactory.ts'))
    const { TeamDbFactory } = await importTranspiled(path.join(project, 'src/fixtures/db/TeamDbFactory.ts'))
    class UnlistedDbFactory extends UserDbFactory {}
    const verified = await verifyFactories({ prisma, factories: { UserDbFactory, TeamDbFactory, UnlistedDbFactory, notAClass: 42 }, cwd: project, config: 'fixture-native.config.json', methods: ['createMinimal', 'relations'], print: false })
    assert.deepEqual(verified.results.map((r) => `${r.className} ${r.method} ${r.status}`), [
      'UserDbFactory createMinimal passed', 'UserDbFactory relations passed', 'TeamDbFactory createMinimal passed', 'TeamDbFactory relations passed',
      'UnlistedDbFactory createMinimal failed', 'UnlistedDbFactory relations failed',
    ])
    assert.equal(verified.results[0].file, path.join(project, 'src/fixtures/db/UserDbFactory.ts'))
    assert.match(verified.report.diagnostics[0].message, /UnlistedDbFactory is not among the factories the validator's index found .*pass `factories` as the folder holding it/)
    assert.equal(await rows(), 0)
  })
  await assert.rejects(verifyFactories({ prisma: {}, factories: 'prisma', cwd: project, config: 'fixture-native.config.json' }), (e) => e.code === 'ERR_FIXTURE_NATIVE_VERIFY_SETUP' && /no factory class was found/.test(e.message))
})

test('a factory file that does not load fails its own checks only', { skip }, async () => {
  await withDatabase('verify_unloadable', null, async ({ prisma }) => {
    const load = (file) => (path.basename(file) === 'TagDbFactory.ts' ? Promise.reject(new SyntaxError('Unexpected token (12:3)')) : importTranspiled(file))
    const verified = await verifyFactories({ prisma, cwd: project, config: 'fixture-native.config.json', construct, import: load, methods: ['createMinimal'], print: false })
    const failed = verified.results.filter((r) => r.status === 'failed')
    assert.deepEqual(failed.map((r) => r.className), ['TagDbFactory'])
    assert.match(failed[0].diagnostics[0].message, /cannot load .*TagDbFactory\.ts: Unexpected token \(12:3\)/)
    assert.equal(verified.results.filter((r) => r.status === 'passed').length, 11)
  })
})

test('bad options are TypeErrors naming the option; describeFactories outside a runner says where to call it', () => {
  assert.rejects(() => verifyFactories({ prisma: {}, factories: [], cwd: project }), TypeError)
  return Promise.all([
    assert.rejects(() => verifyFactories({ prisma: {}, cwd: project, config: 'verify.config.json', methods: ['createAll'] }), /options\.methods must be a list of 'createMinimal'/),
    assert.rejects(() => verifyFactories({ prisma: {}, cwd: project, config: 'verify.config.json', skip: { tag: '' } }), /options\.skip must map a model or class name to the reason/),
    assert.rejects(() => verifyFactories({ prisma: {}, cwd: project, config: 'verify.config.json', import: importTranspiled, print: false }), /options\.prisma must be a PrismaClient/),
    assert.rejects(() => verifyFactories({ prisma: {}, cwd: project, config: 'no-such.config.json' }), (e) => e.code === 'ERR_FIXTURE_NATIVE_VERIFY_SETUP' && /no-such\.config\.json/.test(e.message)),
  ]).then(() => {
    assert.throws(() => describeFactories({ prisma: {}, cwd: project, config: 'verify.config.json' }), /describeFactories: no describe\/test of a test runner here/)
    const runner = { describe: () => assert.fail('nothing is declared'), test: () => assert.fail('nothing is declared') }
    assert.throws(() => describeFactories({ runner, prisma: {}, cwd: project, config: 'verify.config.json' }), /describeFactories: options\.prisma must be a PrismaClient/)
  })
})

test('the static validator sees two of the planted faults (the value too long for its column, the invalid fixture that inserts); the rest only the database shows', () => {
  const { validateFactories } = require('../index.js')
  const report = validateFactories({ cwd: examples, config: 'verify.config.json' })
  const found = report.diagnostics.filter((d) => d.code !== 'missing-factory').map((d) => `${path.relative(examples, d.file)}:${d.line} ${d.code}`)
  const marked = (file, marker) => readFileSync(path.join(examples, 'verify', file), 'utf8').split('\n').findIndex((l) => l.includes(marker)) + 1
  assert.deepEqual(found, [
    `verify/ResourceVersionDbFactory.ts:${marked('ResourceVersionDbFactory.ts', '// verify:')} value-exceeds-column`,
    `verify/TagTranslationDbFactory.ts:${marked('TagTranslationDbFactory.ts', '// verify: invalid')} invalid-fixture-accepted`,
  ])
  assert.equal(report.ok, false, 'value-exceeds-column is an error')
})

test('the planted faults compile: tsc finds nothing in examples/verify', { skip }, async () => {
  const { prismaClientFor, tscErrors } = await import('./support/tsc-judge.mjs')
  const { errors } = await tscErrors(path.join(examples, 'verify', 'tsconfig.json'), { prismaClient: await prismaClientFor(schema) })
  assert.deepEqual(errors, [])
})
