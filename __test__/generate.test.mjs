// `fixture-native generate` judged by the real tools: factories generated for every model of the
// bundled example's schema and of Vrooli's 66-model corpus schema, into a fresh project holding only
// the example's base class, fixtures interface and id helpers. The validator reports nothing on
// them, and `tsc --noEmit` (strict) accepts them against the real Prisma 7 generated client.

import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateFactorySource, validateFactories } from '../index.js'
import { everyShapeSchema, exampleSchema, generateProject, vrooliSchema } from './support/generated-factories.mjs'
import { prismaClientFor, tscErrors } from './support/tsc-judge.mjs'

const examples = fileURLToPath(new URL('../examples/', import.meta.url))

/** Runs the generator over every missing model, then both judges. */
async function generateAndJudge(name, schema) {
  const { dir, outcome, ms: generateMs } = generateProject(name, schema)
  const report = validateFactories({ cwd: dir, schema, factories: dir })
  const client = await prismaClientFor(schema)
  const tsc = await tscErrors(path.join(dir, 'tsconfig.json'), { prismaClient: client })
  return { dir, outcome, report, tsc, generateMs }
}

const show = (errors) => errors.map((e) => `${path.basename(e.file ?? '')}:${e.line}:${e.column} TS${e.tsCode} ${e.message}`).join('\n')

for (const [name, schema, models] of [['example', exampleSchema, 12], ['every-shape', everyShapeSchema, 7], ['vrooli', vrooliSchema, 66]]) {
  const absent = !existsSync(schema)
  test(`${name}: factories for all ${models} models pass the validator and tsc`, { skip: absent && `${schema} is absent (set FIXTURE_NATIVE_CORPUS to the shared corpus folder)` }, async () => {
    const { dir, outcome, report, tsc, generateMs } = await generateAndJudge(name, schema)
    try {
      console.log(`# ${name}: generated ${outcome.files.length} factories in ${Math.round(generateMs)} ms; tsc ${Math.round(tsc.ms)} ms`)
      assert.equal(outcome.files.length, models)
      assert.deepEqual(outcome.files.filter((f) => f.status !== 'written'), [])
      assert.equal(report.factories.length, models, 'every generated class is recognised as a factory')
      assert.deepEqual(report.coverage.missing, [])
      assert.deepEqual(report.diagnostics.map((d) => `${path.basename(d.file)}:${d.line} ${d.code} ${d.message}`), [])
      assert.equal(show(tsc.errors), '')
      // The zero above is not vacuous: the same tsc run rejects a generated factory made wrong.
      const victim = path.join(dir, outcome.files[0].file.split(/[\\/]/).at(-1))
      writeFileSync(victim, readFileSync(victim, 'utf8').replace('return {\n', 'return {\n            notAField: 1,\n'))
      const broken = await tscErrors(path.join(dir, 'tsconfig.json'), { prismaClient: await prismaClientFor(schema) })
      assert.ok(broken.errors.some((e) => e.file === victim && [2353, 2561].includes(e.tsCode)), show(broken.errors))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
}

test('generateFactorySource follows the style of the existing factories and writes nothing', () => {
  const generated = generateFactorySource('tag_translation', { schema: exampleSchema, out: path.join(examples, 'src', 'fixtures', 'db') })
  assert.equal(generated.className, 'TagTranslationDbFactory')
  assert.equal(generated.fileName, 'TagTranslationDbFactory.ts')
  assert.match(generated.source, /import \{ EnhancedDatabaseFactory \} from "\.\/EnhancedDatabaseFactory\.js";/)
  assert.match(generated.source, /import type \{ DbTestFixtures \} from "\.\/types\.js";/)
  assert.match(generated.source, /super\("tag_translation", prisma\);/)
  assert.match(generated.source, /tag: \{\n\s+create: \{\n\s+id: this\.generateId\(\),\n\s+tag: `tag_\$\{this\.generateId\(\)\.toString\(36\)\}`,/)
  assert.match(generated.source, /async createForTag\(tagId: bigint/)
  // Import paths can be set; a factory one folder down follows them.
  const custom = generateFactorySource('email', { schema: { source: readFileSync(exampleSchema, 'utf8') }, baseImport: '../base/Factory.js', fixturesImport: '#fixtures' })
  assert.match(custom.source, /from "\.\.\/base\/Factory\.js";/)
  assert.match(custom.source, /import type \{ DbTestFixtures \} from "#fixtures";/)
  assert.deepEqual(readdirSync(path.join(examples, 'src', 'fixtures', 'db')).filter((f) => f === 'TagTranslationDbFactory.ts').length, 1)
})

test('generateFactorySource explains unknown models and models Prisma cannot create', () => {
  const source = 'datasource db {\n  provider = "postgresql"\n}\nmodel doc {\n  id BigInt @id\n  embedding Unsupported("vector(3)")\n}\n'
  assert.throws(() => generateFactorySource('Doc', { schema: { source } }), /no model `Doc`; did you mean `doc`\?/)
  assert.throws(() => generateFactorySource('doc', { schema: { source } }), /Unsupported\("vector\(3\)"\)/)
})
