// The database half of `fixture-native generate`: the factories generated for every model of the
// bundled example, of every shape the generator writes, and of Vrooli's 66-model corpus schema pass
// `verifyFactories` against a real PostgreSQL through Prisma 7 (the repair plan's phase 7 checks:
// `createMinimal` and `createComplete` each twice, so unique values must not collide; every valid
// fixture inserts; every `createFor<Relation>(id)` helper makes a child that points at a parent
// made first; every `invalid` fixture is rejected). The tables come from Prisma's own DDL with
// Vrooli's `vector(1536)` columns as `real[]` (see `support/database.mjs`).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { existsSync, rmSync } from 'node:fs'
import { everyShapeSchema, exampleSchema, generateProject, importTranspiled, transpileInPlace, vrooliSchema } from './support/generated-factories.mjs'

const { verifyFactories } = createRequire(import.meta.url)('../runners/verify.js')

// The PostgreSQL support module arrives with the database infrastructure; without it there is
// nothing to insert into.
let database = null
try {
  database = await import('./support/database.mjs')
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('database.mjs')) throw error
}
const databaseSkip = () => (database ? database.databaseSkip() : '__test__/support/database.mjs (the PostgreSQL test infrastructure) is not in this checkout')

for (const [name, schema, models] of [['example', exampleSchema, 12], ['every-shape', everyShapeSchema, 7], ['vrooli', vrooliSchema, 66]]) {
  const skip = databaseSkip() || (!existsSync(schema) && `${schema} is absent (set FIXTURE_NATIVE_CORPUS to the shared corpus folder)`)
  test(`${name}: every generated factory passes verifyFactories (inserts twice, fixtures insert, children point at their parents, invalid fixtures are rejected)`, { skip }, async () => {
    const db = await database.applySchema(schema, { name: `generate_${name}` })
    const prisma = await database.prismaClient(schema, db.url)
    const { dir, outcome } = generateProject(name, schema)
    try {
      assert.equal(outcome.files.length, models)
      transpileInPlace(dir)
      let printed = ''
      const verified = await verifyFactories({ prisma, factories: dir, schema, cwd: dir, import: importTranspiled, print: (t) => (printed += t) })
      const factories = new Set(verified.results.map((r) => r.model))
      assert.equal(factories.size, models)
      const checks = (method) => verified.results.filter((r) => r.method === method).flatMap((r) => r.checks.filter((c) => !c.skipped))
      const relations = checks('relations')
      const invalid = checks('invalid')
      console.log(`# ${name}: ${verified.results.filter((r) => r.status === 'passed').length} of ${verified.results.length} factory methods pass in ${verified.durationMs.toFixed(0)} ms; ${relations.filter((c) => c.ok).length} of ${relations.length} relationship helpers point at their parent; ${invalid.filter((c) => c.ok).length} of ${invalid.length} invalid fixtures rejected`)
      assert.deepEqual(verified.report.diagnostics.map((d) => d.message), [], printed)
      assert.equal(verified.ok, true)
      assert.ok(relations.length > 0, 'the schema has to-one relations, so there are helpers to check')
      assert.ok(invalid.length >= models, 'every factory has invalid fixtures to reject')
    } finally {
      await prisma.$disconnect()
      await db.drop()
      rmSync(dir, { recursive: true, force: true })
    }
  })
}
