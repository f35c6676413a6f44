// The differential judge: our type map against Prisma's own DMMF for every corpus schema and
// every example schema. Each schema is judged by the engine that accepts it (7.x line first, then
// 6.19); a schema neither accepts must be rejected by us too.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'

import { dmmfTypeNames, generatedClient, generatedPrismaNamespace, judgeDmmf, readSchemaFiles, schemasToJudge, corpusDir } from './support/prisma-judge.mjs'

const require = createRequire(import.meta.url)
const addon = require('../index.js')

const schemas = schemasToJudge()
const totals = { schemas: 0, models: 0, fields: 0, inputTypes: 0, inputFields: 0, names: 0 }

// The attributes of a DMMF datamodel field we reproduce, with their DMMF defaults when absent.
const FIELD_ATTRIBUTES = [
  'kind', 'type', 'isList', 'isRequired', 'isId', 'isUnique', 'isUpdatedAt', 'hasDefaultValue', 'default',
  'dbName', 'relationName', 'relationFromFields', 'relationToFields', 'isReadOnly',
]
const orNull = (value) => (value === undefined ? null : value)

// Input kinds whose field sets we model (see crates/schema/src/create_inputs.rs).
const INPUT_KINDS = new Set([
  'createInput', 'uncheckedCreateInput', 'updateInput', 'uncheckedUpdateInput', 'createManyInput',
  'updateManyMutationInput', 'uncheckedUpdateManyInput', 'createWithout', 'uncheckedCreateWithout',
  'updateWithout', 'uncheckedUpdateWithout', 'uncheckedUpdateManyWithout', 'createManyNested',
])

if (!schemas.some((s) => s.schemaPath.startsWith(corpusDir))) {
  test('schema corpus', { skip: `the shared corpus is absent (expected at ${corpusDir}, i.e. ../shared/corpus from the repository root)` }, () => {})
}

for (const { name, schemaPath } of schemas) {
  test(`DMMF judge: ${name}`, () => {
    const files = readSchemaFiles(schemaPath)
    const verdict = judgeDmmf(files)
    if (!verdict.dmmf) {
      assert.throws(() => addon.loadSchema(schemaPath), (error) => {
        assert.equal(error.code, 'ERR_PRISMA_SCHEMA_INVALID')
        assert.ok(error.diagnostics.length > 0, 'diagnostics listed')
        for (const d of error.diagnostics) assert.ok(d.line >= 1 && d.column >= 1 && d.file.endsWith('.prisma'), JSON.stringify(d))
        assert.match(error.message, /-->\s+\S+\.prisma:\d+:\d+/)
        return true
      }, `both engines reject ${name}, so must we:\n${verdict.errors.join('\n')}`)
      console.log(`# ${name}: rejected by both engines and by us`)
      return
    }
    const { dmmf, engine } = verdict
    const ours = addon.resolveTypeMap(schemaPath)
    totals.schemas++

    // Models: the same set (views included, @@ignore'd left out).
    const dmmfModels = dmmf.datamodel.models
    assert.deepEqual(Object.keys(ours.models).sort(), dmmfModels.map((m) => m.name).sort(), `${name}: model names`)
    for (const model of dmmfModels) {
      const mine = ours.models[model.name]
      const where = `${name}: model ${model.name}`
      assert.equal(orNull(mine.dbName), model.dbName, `${where}: dbName`)
      assert.equal(mine.delegate, model.name[0].toLowerCase() + model.name.slice(1), `${where}: delegate`)
      const idFields = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name)
      assert.deepEqual(mine.idFields, idFields, `${where}: idFields`)
      assert.deepEqual(mine.uniqueFields, model.uniqueFields, `${where}: uniqueFields`)
      assert.deepEqual(mine.fields.map((f) => f.name), model.fields.map((f) => f.name), `${where}: field names and order`)
      for (const field of model.fields) {
        const myField = mine.fields.find((f) => f.name === field.name)
        for (const attribute of FIELD_ATTRIBUTES) {
          assert.deepEqual(orNull(myField[attribute]), orNull(field[attribute]), `${where}.${field.name}: ${attribute}`)
        }
        totals.fields++
      }
      totals.models++

      // Required create fields: exactly the isRequired fields of DMMF's create inputs.
      const inputs = dmmf.schema.inputObjectTypes.prisma
      for (const [suffix, key, typeKey] of [
        ['CreateInput', 'requiredCreateFields', 'createInput'],
        ['UncheckedCreateInput', 'requiredUncheckedCreateFields', 'uncheckedCreateInput'],
      ]) {
        const type = inputs.find((t) => t.name === `${model.name}${suffix}`)
        assert.equal(orNull(mine.types[typeKey]), type ? type.name : null, `${where}: types.${typeKey}`)
        const required = type ? type.fields.filter((f) => f.isRequired).map((f) => f.name) : []
        assert.deepEqual(mine[key], required, `${where}: ${key}`)
      }
      // The other generated names: present exactly when the DMMF (or, for select/include, the
      // output type's relation fields) says so.
      const names = dmmfTypeNames(dmmf)
      for (const [typeKey, suffix] of [
        ['updateInput', 'UpdateInput'], ['uncheckedUpdateInput', 'UncheckedUpdateInput'], ['createManyInput', 'CreateManyInput'],
        ['whereInput', 'WhereInput'], ['whereUniqueInput', 'WhereUniqueInput'], ['orderByWithRelationInput', 'OrderByWithRelationInput'],
      ]) {
        const expected = names.has(`${model.name}${suffix}`) ? `${model.name}${suffix}` : null
        assert.equal(orNull(mine.types[typeKey]), expected, `${where}: types.${typeKey}`)
      }
      const hasRelations = model.fields.some((f) => f.kind === 'object' && f.relationName)
      assert.equal(orNull(mine.types.include), hasRelations ? `${model.name}Include` : null, `${where}: types.include`)
      assert.equal(mine.types.select, `${model.name}Select`)
    }

    // Enums and composite types.
    assert.deepEqual(
      Object.values(ours.enums).map((e) => ({ name: e.name, dbName: orNull(e.dbName), values: e.values.map((v) => ({ name: v.name, dbName: orNull(v.dbName) })) })).sort((a, b) => a.name.localeCompare(b.name)),
      dmmf.datamodel.enums.map((e) => ({ name: e.name, dbName: e.dbName, values: e.values })).sort((a, b) => a.name.localeCompare(b.name)),
      `${name}: enums`,
    )
    assert.deepEqual(Object.keys(ours.types).sort(), dmmf.datamodel.types.map((t) => t.name).sort(), `${name}: composite types`)
    for (const type of dmmf.datamodel.types) {
      for (const field of type.fields) {
        const myField = ours.types[type.name].fields.find((f) => f.name === field.name)
        assert.ok(myField, `${name}: type ${type.name}.${field.name}`)
        for (const attribute of ['kind', 'type', 'isList', 'isRequired', 'default', 'dbName']) {
          assert.deepEqual(orNull(myField[attribute]), orNull(field[attribute]), `${name}: type ${type.name}.${field.name}: ${attribute}`)
        }
      }
    }

    // Input types: every create/update input of the DMMF resolves to one we model, with the same
    // field names, required-ness and nullability.
    const described = new Map(addon.describePrismaTypes(schemaPath).map((d) => [d.name, d]))
    for (const type of dmmf.schema.inputObjectTypes.prisma) {
      const mine = described.get(type.name)
      if (!mine || !INPUT_KINDS.has(mine.resolved.kind)) continue
      assert.ok(mine.inputFields, `${name}: ${type.name} has fields`)
      assert.deepEqual(
        mine.inputFields.map((f) => [f.name, f.required, f.nullable]),
        type.fields.map((f) => [f.name, f.isRequired, f.isNullable]),
        `${name}: ${type.name} fields [name, isRequired, isNullable]`,
      )
      totals.inputTypes++
      totals.inputFields += mine.inputFields.length
    }

    // The name universe: every DMMF type name exists for us, and every name we resolve to a model
    // input kind is one the DMMF lists.
    const dmmfNames = dmmfTypeNames(dmmf)
    assert.deepEqual([...dmmfNames].filter((n) => !described.has(n)), [], `${name}: DMMF names we do not know`)
    for (const [ourName, mine] of described) {
      if (INPUT_KINDS.has(mine.resolved.kind)) assert.ok(dmmfNames.has(ourName), `${name}: we list ${ourName}, the DMMF does not`)
    }
    // exists() and resolve() agree with the universe, and reject what is not in it.
    assert.equal(addon.prismaTypeExists(`${dmmfModels[0].name}CreateInputX`, schemaPath), false)
    assert.equal(addon.resolvePrismaTypeName(`${dmmfModels[0].name}WhereInput`, schemaPath)?.kind, 'whereInput')
    totals.names += dmmfNames.size
    console.log(`# ${name}: judged by the ${engine} engine`)
  })
}

test('report', () => {
  console.log(
    `# DMMF judge: ${totals.schemas} schemas, ${totals.models} models, ${totals.fields} fields, ` +
      `${totals.inputTypes} input types (${totals.inputFields} input fields), ${totals.names} DMMF type names compared`,
  )
})

// The second judge of the name universe: the `Prisma` namespace of a client really generated by
// `prisma generate` (prisma-client-js), plus the DMMF's names, for every schema with a datasource.
test('Prisma namespace of generated clients: exactly our names', { timeout: 600_000 }, (t) => {
  let judged = 0
  for (const { name, schemaPath } of schemas) {
    const files = readSchemaFiles(schemaPath)
    const verdict = judgeDmmf(files)
    const text = files.map(([, source]) => source).join('\n')
    if (!verdict.dmmf || !/^datasource\s/m.test(text)) continue
    const namespace = generatedPrismaNamespace(text)
    assert.ok(namespace.size > 100, `${name}: the generated namespace was read (${namespace.size} names)`)
    const truth = new Set([...namespace, ...dmmfTypeNames(verdict.dmmf)])
    const ours = new Set(addon.prismaTypeNames(schemaPath))
    assert.deepEqual([...truth].filter((n) => !ours.has(n)), [], `${name}: names of the generated client we do not know`)
    assert.deepEqual([...ours].filter((n) => !truth.has(n)), [], `${name}: names we claim that the generated client lacks`)
    judged++
    console.log(`# generated client (${name}): ${namespace.size} namespace names, ${ours.size} names of ours, equal`)
  }
  const vrooli = schemas.find((s) => s.name === 'vrooli')
  if (!vrooli) return t.skip('the shared corpus is absent: only the example and fixtures were judged')
  for (const name of ['credit_accountCreateInput', 'userCreateWithoutAwardsInput', 'Decimal', 'TransactionClient']) {
    assert.ok(addon.prismaTypeExists(name, vrooli.schemaPath), name)
  }
  for (const name of ['CreditAccountCreateInput', 'userCreateWithoutNopeInput', 'credit_accountInclude_']) {
    assert.ok(!addon.prismaTypeExists(name, vrooli.schemaPath), name)
  }
  assert.ok(judged >= 10, `${judged} schemas judged`)
})

// The TypeScript compiler as a third judge: against the generated Vrooli client, every type name of
// our map must be a `Prisma.<name>` type, and the keys a create input requires (per TypeScript's own
// optionality) must be exactly our requiredCreateFields / requiredUncheckedCreateFields. One
// deliberately wrong assertion must fail, so the check can fail.
test('tsc against the generated client (vrooli): type names and required create keys', { timeout: 180_000 }, (t) => {
  const vrooli = schemas.find((s) => s.name === 'vrooli')
  if (!vrooli) return t.skip('the shared corpus is absent')
  const [[, text]] = readSchemaFiles(vrooli.schemaPath)
  const clientDir = generatedClient(text)
  const map = addon.resolveTypeMap(vrooli.schemaPath)
  const union = (keys) => (keys.length ? keys.map((k) => `'${k}'`).join(' | ') : 'never')
  const lines = [
    "import { Prisma } from './client'",
    'type RequiredKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T]',
    'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false',
  ]
  let checks = 0
  for (const model of Object.values(map.models)) {
    for (const [key, typeName] of Object.entries(model.types)) {
      if (typeName && key !== 'model') lines.push(`type ${model.name}_${key} = Prisma.${typeName}`)
    }
    if (model.types.createInput) {
      lines.push(`const ${model.name}_create: Same<RequiredKeysOf<Prisma.${model.types.createInput}>, ${union(model.requiredCreateFields)}> = true`)
      lines.push(`const ${model.name}_unchecked: Same<RequiredKeysOf<Prisma.${model.types.uncheckedCreateInput}>, ${union(model.requiredUncheckedCreateFields)}> = true`)
      checks += 2
    }
  }
  const control = Object.values(map.models).find((m) => m.requiredCreateFields.length > 0)
  lines.push(`const control: Same<RequiredKeysOf<Prisma.${control.types.createInput}>, never> = true`)
  const file = path.join(path.dirname(clientDir), 'type-map-check.ts')
  fs.writeFileSync(file, lines.join('\n') + '\n')
  const ts = require('typescript')
  const program = ts.createProgram([file], {
    noEmit: true, strict: true, skipLibCheck: true, types: [],
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
  })
  const errors = ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start).line : -1
    return `${lines[line] ?? ''} :: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`
  })
  assert.equal(errors.length, 1, `only the control assertion fails:\n${errors.join('\n')}`)
  assert.match(errors[0], /^const control:/)
  console.log(`# tsc: ${checks} required-key sets and every mapped type name checked against the generated client`)
})
