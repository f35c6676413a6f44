// The database support module itself: Prisma's schema-engine DDL applied to a fresh database, the
// pgvector columns mapped, a Prisma 7 client over adapter-pg writing and reading, for the example
// schema and for the Vrooli corpus schema (66 models, citext, vector columns). Needs DATABASE_URL.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'
import { generatePK, loadSchema } from '../index.js'
import { applySchema, databaseSkip, databaseUrl, prismaClient, skipOutsideCi, withoutPgvector } from './support/database.mjs'
import { corpusDir } from './support/prisma-judge.mjs'

const require = createRequire(import.meta.url)
const repo = fileURLToPath(new URL('../', import.meta.url))
const exampleSchema = path.join(repo, 'examples', 'prisma', 'schema.prisma')
// The corpus sits beside the clone (`../shared/corpus`); FIXTURE_NATIVE_CORPUS points elsewhere.
const vrooliSchema = path.join(process.env.FIXTURE_NATIVE_CORPUS ?? corpusDir, 'vrooli', 'schema.prisma')
const skip = databaseSkip()
const vrooliSkip = skip || (!existsSync(vrooliSchema) && skipOutsideCi(`the shared corpus is absent (expected ${vrooliSchema})`))

async function query(url, sql, params = []) {
  const { Client } = require('pg')
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } finally {
    await client.end()
  }
}

test('databaseSkip: a reason locally, an error under CI, false with a URL', () => {
  const saved = { url: process.env.DATABASE_URL, ci: process.env.CI }
  try {
    delete process.env.DATABASE_URL
    delete process.env.CI
    assert.equal(databaseUrl(), null)
    assert.match(databaseSkip(), /DATABASE_URL is not set: start a throwaway PostgreSQL with `npm run db:start`/)
    process.env.CI = 'true'
    assert.throws(() => databaseSkip(), /database tests must run in CI/)
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/postgres'
    assert.equal(databaseSkip(), false)
  } finally {
    for (const [key, name] of [['url', 'DATABASE_URL'], ['ci', 'CI']]) {
      if (saved[key] === undefined) delete process.env[name]
      else process.env[name] = saved[key]
    }
  }
})

test('withoutPgvector drops the extension and maps vector columns to real[]', () => {
  const ddl = 'CREATE EXTENSION IF NOT EXISTS "citext";\nCREATE EXTENSION IF NOT EXISTS "vector";\nCREATE TABLE "t" ("embedding" vector(1536), "v" VARCHAR(3));\n'
  assert.equal(withoutPgvector(ddl), 'CREATE EXTENSION IF NOT EXISTS "citext";\nCREATE TABLE "t" ("embedding" real[], "v" VARCHAR(3));\n')
})

test('the example schema: every model a table, a client that writes and reads, drop() removes the database', { skip }, async () => {
  const db = await applySchema(exampleSchema, { name: 'example infra' })
  let prisma
  try {
    assert.match(db.database, /^fn_example_infra_[0-9a-f]{8}$/)
    const tables = (await query(db.url, "select table_name from information_schema.tables where table_schema = 'public'")).map((r) => r.table_name).sort()
    // @@map names, plus Prisma's join table of the implicit many-to-many tag <-> resource.
    assert.deepEqual(tables, ['_resourceTotag', 'credit_account', 'credit_ledger_entry', 'email', 'member', 'payment', 'resource', 'resource_version', 'tag', 'tag_translation', 'team', 'team_tag', 'user'])
    prisma = await prismaClient(exampleSchema, db.url)
    const id = generatePK()
    const user = await prisma.user.create({ data: { id, publicId: 'infra0000001', name: 'Infra', languages: ['en'] } })
    assert.equal(user.id, id)
    assert.equal(typeof user.id, 'bigint')
    assert.equal(user.status, 'Active')
    await assert.rejects(prisma.user.create({ data: { id, publicId: 'infra0000002', name: 'Twice' } }), (e) => e.code === 'P2002')
  } finally {
    await prisma?.$disconnect()
    await db.drop()
  }
  const left = await query(databaseUrl(), 'select 1 from pg_database where datname = $1', [db.database])
  assert.equal(left.length, 0)
})

test('the Vrooli schema: applied with vector columns as real[], a generated client inserts', { skip: vrooliSkip }, async () => {
  const db = await applySchema(vrooliSchema, { name: 'vrooli' })
  let prisma
  try {
    const schema = loadSchema(vrooliSchema)
    const tableCount = Number((await query(db.url, "select count(*) from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'"))[0].count)
    assert.ok(tableCount >= schema.models.length, `${tableCount} tables for ${schema.models.length} models`)
    const vectorColumns = await query(db.url, "select table_name, data_type from information_schema.columns where column_name = 'embedding' order by table_name")
    const withVectors = schema.models.filter((m) => m.unsupportedFields?.some((f) => f.type.startsWith('vector('))).map((m) => m.name).sort()
    assert.deepEqual(vectorColumns.map((c) => c.table_name), withVectors)
    assert.ok(vectorColumns.every((c) => c.data_type === 'ARRAY'), JSON.stringify(vectorColumns))
    const extensions = (await query(db.url, 'select extname from pg_extension')).map((r) => r.extname)
    assert.ok(extensions.includes('citext'))

    prisma = await prismaClient(vrooliSchema, db.url)
    const tagId = generatePK()
    await prisma.tag.create({
      data: { id: tagId, tag: `infra_${tagId}`, translations: { create: { id: generatePK(), language: 'en', description: 'vector column present' } } },
    })
    const read = await prisma.tag.findUnique({ where: { id: tagId }, include: { translations: true } })
    assert.equal(read.translations.length, 1)
    assert.equal(read.translations[0].language, 'en')
  } finally {
    await prisma?.$disconnect()
    await db.drop()
  }
})
