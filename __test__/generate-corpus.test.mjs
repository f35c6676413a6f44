// `fixture-native generate` on schemas it was not built for: every PostgreSQL schema of the shared
// corpus besides Vrooli's (seven public projects) and the repository's multi-file schema of hard
// shapes (`__test__/fixtures/generate/hard-shapes/`: two relations over one key column, a relation
// to an optional unique field, an enum primary key, a singleton table, a chain of nine required
// parents, models whose obvious invalid fixtures would insert, a column a trigger fills, `citext`).
//
// For each schema, as a user would: `generate --all-missing` into a fresh project, then
// - the validator reports nothing the generator did not say, and `tsc --noEmit` (strict) accepts
//   every factory against the real Prisma 7 client;
// - against PostgreSQL (Prisma's own DDL), verifyFactories: `createMinimal` and `createComplete` each insert twice,
//   every `createFor<Relation>(id)` helper makes a child of the parent it was given, and every
//   `invalid` fixture is rejected;
// - what cannot be done is said, and only that: a model the generator refuses, a singleton table
//   (its second row collides), an `invalid` category the factory leaves empty. The models that
//   cannot insert are exactly docs/generate.md's list.
// The schemas run two at a time, each in its own database.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { applySchema, databaseSkip, databaseUrl, prismaClient, skipOutsideCi } from './support/database.mjs'
import { corpusRoot, corpusSchemas, prismaReady } from './support/generate-corpus.mjs'
import { freshProject, importTranspiled, loadFactories } from './support/generated-factories.mjs'
import { prismaClientFor, tscErrors } from './support/tsc-judge.mjs'

const require = createRequire(import.meta.url)
const { runCli, validateFactories } = require('../index.js')
const { verifyFactories } = require('../runners/verify.js')
const generateDoc = fileURLToPath(new URL('../docs/generate.md', import.meta.url))

/** Run against each schema's database once its tables exist (the trigger `trigger.prisma` describes). */
const AFTER_DDL = {
  'hard-shapes': `
    CREATE SEQUENCE invoice_number_seq;
    CREATE FUNCTION invoice_number() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.number IS NULL THEN NEW.number := 'INV-' || nextval('invoice_number_seq'); END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER invoice_number BEFORE INSERT ON invoice FOR EACH ROW EXECUTE FUNCTION invoice_number();`,
}

const firstLine = (error) => String(error?.message ?? error).split('\n').map((l) => l.trim()).filter(Boolean).at(-1)

/** `| schema | model | reason |` rows of docs/generate.md's list of models that cannot insert. */
function readmeCannotInsert() {
  const text = readFileSync(generateDoc, 'utf8')
  const start = text.indexOf('<!-- generate:cannot-insert -->')
  const end = text.indexOf('<!-- /generate:cannot-insert -->')
  assert.ok(start >= 0 && end > start, 'docs/generate.md lists the models that cannot insert between generate:cannot-insert markers')
  return text.slice(start, end).split('\n')
    .map((line) => /^\| `?([\w-]+)`? \| `(\w+)` \| (.+) \|$/.exec(line.trim()))
    .filter(Boolean)
    .map(([, schema, model, reason]) => ({ schema, model, reason }))
}

async function judgeSchema({ name, path: schemaPath, models, setupSql }) {
  const tmp = mkdtempSync(path.join(tmpdir(), `fixture-native-generate-corpus-${name}-`))
  const dir = freshProject(`corpus-${name}`)
  let db = null
  let prisma = null
  try {
    const ready = prismaReady(schemaPath, tmp)
    const started = performance.now()
    const cli = runCli(['generate', '--all-missing', '--schema', schemaPath, '--out', '.', '--format', 'json'], dir)
    const generateMs = performance.now() - started
    assert.ok([0, 1].includes(cli.exitCode), `generate exited ${cli.exitCode}: ${cli.stdout}${cli.stderr}`)
    const outcome = JSON.parse(cli.stdout)
    if (models !== null) assert.equal(outcome.files.length, models, 'every model of the schema is attempted')
    const refused = outcome.files.filter((f) => f.status !== 'written')
    for (const file of refused) {
      assert.equal(file.status, 'failed', `${file.model}: ${file.notes.join('; ')}`)
      assert.match(file.notes[0], /Prisma generates no create input because of the required field .* \(Unsupported\(/)
    }
    assert.equal(cli.exitCode, refused.length ? 1 : 0)
    const notesOf = Object.fromEntries(outcome.files.map((f) => [f.model, f.notes]))
    // The validator agrees: nothing but what the generator said (a model it refused has no
    // factory). Invalid fixtures are judged by PostgreSQL below: the validator's
    // `invalid-fixture-accepted` is a guess from the types (it calls `{}` accepted where an optional
    // relation sits over a NOT NULL key, which the database rejects).
    const report = validateFactories({ cwd: dir, schema: schemaPath, factories: dir })
    const said = (d) => d.code === 'invalid-fixture-accepted' || (d.code === 'missing-factory' && refused.some((f) => d.message.includes(`\`${f.model}\``)))
    assert.deepEqual(report.diagnostics.filter((d) => !said(d)).map((d) => `${path.basename(d.file)}:${d.line} ${d.code} ${d.message}`), [])

    const client = await prismaClientFor(ready)
    const [tsc, database] = await Promise.all([
      tscErrors(path.join(dir, 'tsconfig.json'), { prismaClient: client }),
      applySchema(ready, { name: `gencorpus_${name}`, setupSql }),
    ])
    db = database
    assert.equal(tsc.errors.map((e) => `${path.basename(e.file ?? '')}:${e.line} TS${e.tsCode} ${e.message}`).join('\n'), '')
    if (AFTER_DDL[name]) {
      const { Client } = require('pg')
      const pg = new Client({ connectionString: db.url })
      await pg.connect()
      try { await pg.query(AFTER_DDL[name]) } finally { await pg.end() }
    }
    prisma = await prismaClient(ready, db.url)
    const factories = await loadFactories(dir, prisma)
    assert.equal(Object.keys(factories).length, outcome.files.length - refused.length)

    // Singleton tables (noted as such) hold one row: it inserts once, and the second collides.
    const singletons = Object.keys(factories).filter((m) => notesOf[m].some((n) => n.startsWith(`\`${m}\` is a singleton table`)))
    const cannot = refused.map((f) => ({ model: f.model, reason: 'no create input' }))
    for (const model of singletons) {
      const factory = factories[model]
      await factory.createMinimal()
      await assert.rejects(factory.createMinimal(), /Unique constraint/, `${model}: a second row of a singleton collides`)
      await factory.getPrismaDelegate().deleteMany({})
      await factory.createComplete()
      await factory.getPrismaDelegate().deleteMany({})
      cannot.push({ model, reason: 'singleton' })
    }
    // Every other factory passes verifyFactories (the repair plan's phase 7 checks, as a user's
    // suite runs them): createMinimal and createComplete twice, fixtures, createFor helpers, and
    // every `invalid` fixture rejected, except a category the factory leaves empty (with a
    // comment and a note saying why: it tests nothing and claims nothing).
    for (const [model, notes] of Object.entries(notesOf)) {
      for (const note of notes.filter((n) => /^`invalid\.\w+` is left empty:/.test(n))) {
        const category = /^`invalid\.(\w+)`/.exec(note)[1]
        assert.deepEqual(factories[model].getFixtures().invalid[category], {}, `${model}: ${note}`)
      }
    }
    const leftEmpty = (model, check) => notesOf[model]?.some((n) => n.startsWith(`\`${check.replace(/^invalid /, '')}\` is left empty:`))
    const skip = Object.fromEntries(singletons.map((m) => [m, 'a singleton table: judged above']))
    const verified = await verifyFactories({ prisma, factories: dir, schema: schemaPath, cwd: dir, import: importTranspiled, skip, print: () => {} })
    const checks = (method) => verified.results.filter((r) => r.method === method).flatMap((r) => r.checks.filter((c) => !c.skipped).map((c) => ({ model: r.model, ...c })))
    const relations = checks('relations')
    const invalid = checks('invalid').filter((c) => !leftEmpty(c.model, c.check))
    const failed = verified.results.filter((r) => r.status === 'failed').flatMap((r) =>
      r.checks.filter((c) => !c.ok && !(r.method === 'invalid' && leftEmpty(r.model, c.check))).map((c) => `${r.model} ${r.method} ${c.check}: ${c.cause}`))
    const inserting = verified.results.filter((r) => ['createMinimal', 'createComplete'].includes(r.method))
    console.log(`# ${name}: ${outcome.files.length} models, generated in ${Math.round(generateMs)} ms, tsc ${Math.round(tsc.ms)} ms; ${inserting.filter((r) => r.status === 'passed').length} of ${inserting.length} createMinimal/createComplete runs insert twice, ${singletons.length} singleton(s), ${refused.length} refused; ${relations.filter((c) => c.ok).length} of ${relations.length} relationship helpers hold; ${invalid.filter((c) => c.ok).length} of ${invalid.length} invalid fixtures rejected`)
    assert.deepEqual(failed, [])
    assert.equal(new Set(verified.results.map((r) => r.model)).size, Object.keys(factories).length)
    return cannot
  } finally {
    await prisma?.$disconnect()
    await db?.drop()
    rmSync(dir, { recursive: true, force: true })
    rmSync(tmp, { recursive: true, force: true })
  }
}

const corpusMissing = !existsSync(path.join(corpusRoot, 'documenso'))
const skip = databaseSkip() || (corpusMissing && skipOutsideCi(`the shared corpus is not at ${corpusRoot} (set FIXTURE_NATIVE_CORPUS)`))

test('every PostgreSQL schema of the corpus and the hard shapes: factories compile, insert, point at their parents; invalid fixtures are rejected; docs/generate.md lists what cannot insert', { skip, timeout: 20 * 60_000 }, async () => {
  assert.ok(databaseUrl())
  const schemas = corpusSchemas()
  const cannot = []
  const failures = []
  // Two at a time: each schema in its own database; tsc and PostgreSQL overlap.
  const queue = [...schemas]
  await Promise.all([0, 1].map(async () => {
    for (let schema = queue.shift(); schema; schema = queue.shift()) {
      try {
        for (const c of await judgeSchema(schema)) cannot.push({ schema: schema.name, ...c })
      } catch (error) {
        failures.push(`${schema.name}: ${error.stack ?? firstLine(error)}`)
      }
    }
  }))
  assert.deepEqual(failures, [])
  const listed = readmeCannotInsert()
  const key = (c) => `${c.schema}.${c.model}`
  assert.deepEqual(cannot.map(key).sort(), listed.map(key).sort(), 'docs/generate.md lists exactly the models that cannot insert')
})
