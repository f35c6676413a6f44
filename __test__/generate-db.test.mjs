// The database half of `fixture-native generate`: the factories generated for every model of the
// bundled example and of Vrooli's 66-model corpus schema insert into a real PostgreSQL through
// Prisma 7 (`createMinimal` and `createComplete`, each twice, so unique values must not collide),
// and every `createFor<Relation>(id)` helper makes a child that points at the parent it was given
// (the repair plan's relationship tests, phase 6.3); the other way round, every `invalid` fixture
// is rejected. The tables come from Prisma's own DDL with
// Vrooli's `vector(1536)` columns as `real[]` (see `support/database.mjs`).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, rmSync } from 'node:fs'
import { everyShapeSchema, exampleSchema, generateProject, insertEach, invalidFixtureChecks, loadFactories, relationshipChecks, vrooliSchema } from './support/generated-factories.mjs'

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
  test(`${name}: every generated factory inserts, children point at their parents, invalid fixtures are rejected`, { skip }, async () => {
    const db = await database.applySchema(schema, { name: `generate_${name}` })
    const prisma = await database.prismaClient(schema, db.url)
    const { dir, outcome } = generateProject(name, schema)
    try {
      assert.equal(outcome.files.length, models)
      const factories = await loadFactories(dir, prisma)
      assert.equal(Object.keys(factories).length, models)
      const inserts = await insertEach(factories)
      const inserted = inserts.filter((r) => !r.minimal && !r.complete).length
      const relations = await relationshipChecks(factories, schema)
      const invalid = await invalidFixtureChecks(factories)
      console.log(`# ${name}: ${inserted} of ${models} models insert createMinimal and createComplete; ${relations.filter((r) => r.ok).length} of ${relations.length} relationship helpers point at their parent; ${invalid.filter((r) => r.rejected).length} of ${invalid.length} invalid fixtures rejected`)
      assert.deepEqual(inserts.filter((r) => r.minimal || r.complete), [])
      assert.deepEqual(relations.filter((r) => !r.ok), [])
      assert.deepEqual(invalid.filter((r) => !r.rejected), [])
      assert.ok(relations.length > 0, 'the schema has to-one relations, so there are helpers to check')
    } finally {
      await prisma.$disconnect()
      await db.drop()
      rmSync(dir, { recursive: true, force: true })
    }
  })
}
