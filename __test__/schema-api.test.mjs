// The schema API as JS sees it: inputs (path, folder, { source }, discovery), errors with
// diagnostics, suggestTypeName, generateTypeMapSource and the typemap command.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'

import { corpusDir, repoRoot } from './support/prisma-judge.mjs'

const require = createRequire(import.meta.url)
const addon = require('../index.js')
const vrooli = path.join(corpusDir, 'vrooli', 'schema.prisma')
const haveCorpus = fs.existsSync(vrooli)
const skipCorpus = haveCorpus ? false : 'the shared corpus (../shared/corpus from the repository root) is absent'

const SMALL = `datasource db {
  provider = "postgresql"
}

model credit_account {
  id      BigInt @id
  owner   User   @relation(fields: [ownerId], references: [id])
  ownerId BigInt
}

model User {
  id       BigInt           @id
  name     String
  accounts credit_account[]
}
`

function tempDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `fixture-native-${name}-`))
}

test('an invalid schema throws an Error with a Prisma-like message and located diagnostics', () => {
  const source = SMALL.replace('  name     String\n', '  name     Strin\n')
  assert.throws(() => addon.loadSchema({ source, fileName: 'prisma/schema.prisma' }), (error) => {
    assert.ok(error instanceof Error)
    assert.equal(error.code, 'ERR_PRISMA_SCHEMA_INVALID')
    assert.match(error.message, /-->\s+prisma\/schema\.prisma:13:12/)
    assert.match(error.message, /13 \|\s+name\s+Strin/, 'the offending line is shown')
    assert.equal(error.diagnostics.length, 1)
    const [d] = error.diagnostics
    assert.deepEqual([d.file, d.line, d.column, d.severity], ['prisma/schema.prisma', 13, 12, 'error'])
    assert.match(d.message, /Strin/)
    return true
  })
})

test('a missing schema throws naming the path', () => {
  assert.throws(() => addon.loadSchema('no/such/schema.prisma'), (error) => {
    assert.equal(error.code, 'ERR_PRISMA_SCHEMA_NOT_FOUND')
    assert.match(error.message, /no\/such\/schema\.prisma/)
    assert.deepEqual(error.diagnostics, [])
    return true
  })
})

test('{ source } and a file path give the same map; delegates and names follow Prisma', () => {
  const dir = tempDir('paths')
  fs.writeFileSync(path.join(dir, 'schema.prisma'), SMALL)
  const fromPath = addon.resolveTypeMap(path.join(dir, 'schema.prisma'))
  const fromSource = addon.resolveTypeMap({ source: SMALL })
  assert.deepEqual(fromPath, fromSource)
  assert.equal(fromPath.models.User.delegate, 'user')
  assert.equal(fromPath.models.credit_account.types.createInput, 'credit_accountCreateInput')
  assert.deepEqual(fromPath.models.credit_account.requiredCreateFields, ['id', 'owner'])
  assert.deepEqual(fromPath.models.credit_account.requiredUncheckedCreateFields, ['id', 'ownerId'])
  fs.rmSync(dir, { recursive: true })
})

test('with no input the schema is found from the working directory as Prisma does', () => {
  const dir = tempDir('discover')
  fs.mkdirSync(path.join(dir, 'db'))
  fs.writeFileSync(path.join(dir, 'db', 'main.prisma'), SMALL)
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ prisma: { schema: 'db/main.prisma' } }))
  const script = `const a = require(${JSON.stringify(path.join(repoRoot, 'index.js'))}); console.log(JSON.stringify(Object.keys(a.resolveTypeMap().models)))`
  const out = execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' })
  assert.deepEqual(JSON.parse(out), ['User', 'credit_account'])
  fs.rmSync(dir, { recursive: true })
})

test('suggestTypeName maps the misspellings of the issue, and nothing else', { skip: skipCorpus }, () => {
  assert.equal(addon.suggestTypeName('CreditAccountCreateInput', vrooli), 'credit_accountCreateInput')
  assert.equal(addon.suggestTypeName('creditAccountInclude', vrooli), 'credit_accountInclude')
  assert.equal(addon.suggestTypeName('Prisma.Credit_Account', vrooli), 'credit_account')
  assert.equal(addon.suggestTypeName('credit_accountCreateInput', vrooli), null, 'already right')
  assert.equal(addon.suggestTypeName('Zebra', vrooli), null, 'nothing close')
})

test('resolvePrismaTypeName parses generated names back to model and kind', { skip: skipCorpus }, () => {
  assert.deepEqual(addon.resolvePrismaTypeName('Prisma.userCreateWithoutAwardsInput', vrooli), {
    model: 'user',
    kind: 'createWithout',
    relationField: 'awards',
  })
  assert.equal(addon.resolvePrismaTypeName('awardCreateManyUserInput', vrooli).kind, 'createManyNested')
  assert.equal(addon.resolvePrismaTypeName('JsonValue', vrooli).kind, 'other')
  assert.equal(addon.resolvePrismaTypeName('awardCreateWithoutNothingInput', vrooli), null)
})

test('generateTypeMapSource is byte-identical, hashes the schema text, and parses in every format', { skip: skipCorpus }, () => {
  const ts = addon.generateTypeMapSource(vrooli)
  assert.equal(addon.generateTypeMapSource(vrooli, { format: 'ts' }), ts)
  const sha = createHash('sha256').update(fs.readFileSync(vrooli)).update(Buffer.from([0])).digest('hex')
  assert.ok(ts.includes(`// schema-sha256: ${sha}\n`), 'the header carries the SHA-256 of the schema text')
  const json = JSON.parse(addon.generateTypeMapSource(vrooli, { format: 'json' }))
  assert.equal(json.schemaSha256, sha)
  const map = addon.resolveTypeMap(vrooli)
  assert.deepEqual(Object.keys(json.models), Object.keys(map.models).sort())
  for (const [name, entry] of Object.entries(json.models)) {
    assert.equal(entry.createInput ?? null, map.models[name].types.createInput ?? null)
    assert.deepEqual(entry.requiredCreateFields, map.models[name].requiredCreateFields)
  }
  const typescript = require('typescript')
  for (const format of ['ts', 'dts']) {
    const text = addon.generateTypeMapSource(vrooli, { format })
    const file = typescript.createSourceFile(`map.${format === 'dts' ? 'd.ts' : 'ts'}`, text, typescript.ScriptTarget.Latest)
    assert.deepEqual(file.parseDiagnostics.map((d) => d.messageText), [], `${format} parses`)
  }
  assert.throws(() => addon.generateTypeMapSource(vrooli, { format: 'yaml' }), /ts, dts or json/)
})

test('fixture-native typemap writes, checks and names stale models', { skip: skipCorpus }, () => {
  const dir = tempDir('typemap')
  const schema = path.join(dir, 'schema.prisma')
  fs.copyFileSync(vrooli, schema)
  const cli = (...args) => addon.runCli(['typemap', '--schema', 'schema.prisma', ...args], dir)
  assert.equal(cli('--out', 'PRISMA_TYPE_MAP.ts').exitCode, 0)
  const written = fs.readFileSync(path.join(dir, 'PRISMA_TYPE_MAP.ts'), 'utf8')
  assert.equal(written, addon.generateTypeMapSource(schema))
  assert.equal(cli('--out', 'PRISMA_TYPE_MAP.ts', '--check').exitCode, 0)
  // A new required column on `award` changes only award's entry.
  fs.writeFileSync(schema, fs.readFileSync(vrooli, 'utf8').replace(/(model award \{\n)/, '$1    note String\n'))
  const stale = cli('--out', 'PRISMA_TYPE_MAP.ts', '--check')
  assert.equal(stale.exitCode, 1)
  assert.match(stale.stderr, /changed: award\n/)
  assert.doesNotMatch(stale.stderr, /changed: user\n/)
  assert.equal(fs.readFileSync(path.join(dir, 'PRISMA_TYPE_MAP.ts'), 'utf8'), written, '--check does not write')
  const usage = addon.runCli(['typemap', '--schema', 'missing.prisma'], dir)
  assert.equal(usage.exitCode, 2)
  assert.match(usage.stderr, /missing\.prisma/)
  fs.rmSync(dir, { recursive: true })
})

test('index.d.ts types the schema API precisely (tsc; a wrong use must fail)', () => {
  const dir = tempDir('dts')
  const file = path.join(dir, 'use.ts')
  const lines = [
    `import * as addon from ${JSON.stringify(path.join(repoRoot, 'index'))}`,
    "const map: addon.TypeMap = addon.resolveTypeMap({ source: '', fileName: 'x.prisma' })",
    'const model: addon.SchemaModel | undefined = map.models.user',
    "const kind: 'scalar' | 'enum' | 'object' | 'unsupported' | undefined = model?.fields[0]?.kind",
    'const create: string | null | undefined = model?.types.createInput',
    'const required: string[] | undefined = model?.requiredCreateFields',
    "const source: string = addon.generateTypeMapSource('schema.prisma', { format: 'dts' })",
    'const suggestion: string | null = addon.suggestTypeName("UserCreateInput")',
    'const resolved: addon.ResolvedTypeName | null = addon.resolvePrismaTypeName("userCreateInput")',
    'const fields: addon.InputField[] | null = addon.prismaInputFields("userCreateInput")',
    'const loaded: addon.LoadedSchema = addon.loadSchema()',
    "try { addon.loadSchema('x') } catch (e) { const d = (e as Error & { diagnostics: addon.SchemaDiagnostic[] }).diagnostics; const l: number = d[0].line }",
    'export { kind, create, required, source, suggestion, resolved, fields, loaded }',
    // The control: must not type-check (a field name is a string, not a number).
    'export const wrong: number = map.models.user.name',
  ]
  fs.writeFileSync(file, lines.join('\n') + '\n')
  const ts = require('typescript')
  const program = ts.createProgram([file], { noEmit: true, strict: true, skipLibCheck: false, types: [], target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS })
  const errors = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : ''
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`
  })
  assert.equal(errors.length, 1, errors.join('\n'))
  assert.match(errors[0], new RegExp(`^use\\.ts:${lines.length} `))
  fs.rmSync(dir, { recursive: true })
})
