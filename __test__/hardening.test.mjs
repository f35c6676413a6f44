// Hostile and huge input: one unreadable file is a diagnostic on that file while the others are
// still checked; options of the wrong JS type are TypeErrors naming the option; a Rust panic is a
// JS Error and the process lives on; limits (file size, nesting) are diagnostics; big inputs
// (10,000 files, 2,000 models) finish.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { cpSync, readdirSync, readFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, openSync, ftruncateSync, closeSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const native = require('../index.js')
const { validateFactories, generatePK, loadSchema } = native

const repo = fileURLToPath(new URL('../', import.meta.url))
const examples = path.join(repo, 'examples')
const bin = path.join(repo, 'bin', 'fixture-native.js')
const schema = path.join(examples, 'prisma', 'schema.prisma')
const POSTGRES = 'datasource db {\n  provider = "postgresql"\n}\n'

function scratch(t) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fixture-native-hardening-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A copy of the clean example factories, plus whatever `extra` adds. */
function cleanCopy(t) {
  const dir = scratch(t)
  cpSync(path.join(examples, 'src', 'fixtures', 'db'), path.join(dir, 'db'), { recursive: true })
  return path.join(dir, 'db')
}

const codesOf = (report, file) => report.diagnostics.filter((d) => d.file === file).map((d) => d.code)

test('unreadable files are diagnostics on those files; every other file is still checked', (t) => {
  const db = cleanCopy(t)
  const baseline = validateFactories({ schema, factories: db })
  assert.equal(baseline.ok, true, JSON.stringify(baseline.diagnostics))

  const latin1 = path.join(db, 'latin1.ts')
  writeFileSync(latin1, Buffer.concat([Buffer.from('// ok\nexport const s = "caf'), Buffer.from([0xe9]), Buffer.from('";\n')]))
  const dangling = path.join(db, 'dangling.ts')
  symlinkSync(path.join(db, 'gone.ts'), dangling)
  const self = path.join(db, 'self.ts')
  symlinkSync(self, self)
  mkdirSync(path.join(db, 'nested'))
  const loop = path.join(db, 'nested', 'up')
  symlinkSync(db, loop)
  const big = path.join(db, 'huge.ts')
  const fd = openSync(big, 'w')
  ftruncateSync(fd, 50 * 1024 * 1024) // a 50 MB file (sparse: no 50 MB written to disk)
  closeSync(fd)
  const bom = path.join(db, 'bom.ts')
  writeFileSync(bom, '\uFEFFexport const tagName: string = 1 as unknown as string;\n')

  const report = validateFactories({ schema, factories: db })
  const on = (file) => report.diagnostics.filter((d) => d.file === file)
  // The clean factories are all still there, with nothing new about them.
  assert.deepEqual(report.factories, baseline.factories)
  assert.deepEqual(report.diagnostics.filter((d) => ![latin1, dangling, self, loop, big, bom].includes(d.file)), [])

  const [bad] = on(latin1)
  assert.equal(bad.code, 'parse-error')
  assert.deepEqual([bad.line, bad.column], [2, 22])
  assert.match(bad.message, /not UTF-8 text \(byte 0xe9/)
  assert.match(bad.help, /save the file as UTF-8/)
  assert.match(on(dangling)[0].message, /a symlink to .*gone\.ts, which does not exist/)
  assert.match(on(self)[0].message, /cannot follow this symlink/)
  assert.match(on(loop)[0].message, /^symlink loop: this link leads back to /)
  assert.match(on(big)[0].message, /this file is 52428800 bytes; files over 10485760 bytes \(10 MB\) are not analysed/)
  assert.deepEqual(on(bom), [], 'a BOM is read as text')
  assert.equal(report.ok, false)
  assert.equal(report.files, baseline.files + 6, 'the loop is reported, not walked')
})

// Root reads every file, so as root (CI) the check runs in a child process as `nobody`, on a copy
// of the addon and the schema inside the scratch folder (the repository may not be readable to it).
test('a file without read permission is a diagnostic on it', (t) => {
  const db = cleanCopy(t)
  const locked = path.join(db, 'locked.ts')
  writeFileSync(locked, 'export const a = 1;\n')
  chmodSync(locked, 0o000)
  if (process.getuid?.() !== 0) {
    const report = validateFactories({ schema, factories: db })
    assert.deepEqual(codesOf(report, locked), ['parse-error'])
    assert.match(report.diagnostics.find((d) => d.file === locked).help, /make it readable/)
    return
  }
  const folder = path.dirname(db)
  const addon = path.join(folder, 'addon.node')
  const built = readdirSync(repo).find((f) => /^fixture-native\..+\.node$/.test(f))
  cpSync(path.join(repo, built), addon)
  cpSync(schema, path.join(folder, 'schema.prisma'))
  spawnSync('chmod', ['-R', 'a+rX', folder])
  chmodSync(locked, 0o000)
  const script = `const r = require(${JSON.stringify(addon)}).validateFactories({ schema: ${JSON.stringify(path.join(folder, 'schema.prisma'))}, factories: ${JSON.stringify(db)} });
    process.stdout.write(JSON.stringify(r.diagnostics.filter((d) => d.file === ${JSON.stringify(locked)})))`
  const child = spawnSync(process.execPath, ['-e', script], { uid: 65534, gid: 65534, cwd: folder, encoding: 'utf8' })
  assert.equal(child.status, 0, child.stderr)
  const diagnostics = JSON.parse(child.stdout)
  assert.deepEqual(diagnostics.map((d) => d.code), ['parse-error'])
  assert.match(diagnostics[0].help, /make it readable/)
})

test('a folder named like a TypeScript file is walked, not read as a file', (t) => {
  const db = cleanCopy(t)
  mkdirSync(path.join(db, 'Odd.ts'))
  writeFileSync(path.join(db, 'Odd.ts', 'inner.ts'), 'export const inner: number = 1;\n')
  const report = validateFactories({ schema, factories: db })
  assert.equal(report.ok, true, JSON.stringify(report.diagnostics))
})

test('missing paths and a file where a folder is expected are errors naming the path', (t) => {
  assert.throws(() => validateFactories({ schema, factories: path.join(examples, 'no-such-folder') }), /no-such-folder: no such file or folder \(from the factories option/)
  assert.throws(() => validateFactories({ schema: path.join(schema, 'x.prisma'), factories: examples }), /schema\.prisma\/x\.prisma.*Check the path/)
  assert.throws(() => validateFactories({ schema, factories: path.join(examples, 'src'), config: examples }), /examples: cannot read the config file/)
})

test('options of the wrong JS type are TypeErrors naming the option', () => {
  const cases = [
    [42, /^validateFactories: options must be an object such as \{ schema, factories \}; got a number$/],
    ['prisma/schema.prisma', /options must be an object .* got a string/],
    [{ schema: null }, /^validateFactories: options\.schema must be a path \(string\) or \{ source: string, fileName\?: string \}; got null \(leave it out to use the default\)$/],
    [{ schema: 42 }, /options\.schema must be a path .* got a number/],
    [[], /options must be an object .* got an array/],
    [{ factories: { dir: 'x' } }, /options\.factories must be .* got an object/],
    [{ fixtureCategories: [] }, /options\.fixtureCategories must be .* got an array/],
    [{ schema: { source: 1 } }, /options\.schema must be/],
    [{ factories: 7 }, /options\.factories must be a folder, file or glob \(string\) or an array of them; got a number/],
    [{ factories: ['a', 7] }, /options\.factories must be/],
    [{ tsconfig: 5 }, /options\.tsconfig must be a path \(string\); got a number/],
    [{ cwd: false }, /options\.cwd must be a folder path \(string\); got a boolean/],
    [{ rules: { 'import-cycle': 0 } }, /options\.rules\["import-cycle"\] must be 'error', 'warning' or 'off'; got a number/],
    [{ fixtureCategories: { create: 'minimal' } }, /options\.fixtureCategories\.create must be an array of strings; got a string/],
  ]
  for (const [options, message] of cases) {
    assert.throws(() => validateFactories(options), (err) => {
      assert.equal(err.name, 'TypeError', `${JSON.stringify(options)}: ${err}`)
      assert.equal(err.code, 'ERR_INVALID_ARG_TYPE')
      assert.match(err.message, message)
      return true
    })
  }
  // Absent options are the defaults, not errors.
  assert.doesNotThrow(() => validateFactories({ schema, factories: path.join(examples, 'src', 'fixtures', 'db'), cwd: undefined }))
})

test('the schema and generate functions: arguments of the wrong JS type are TypeErrors naming the function and argument', () => {
  const schemaSource = { source: readFileSync(path.join(examples, 'prisma', 'schema.prisma'), 'utf8') }
  const schemaFunctions = ['loadSchema', 'resolveTypeMap', 'prismaTypeNames', 'describePrismaTypes', 'generateTypeMapSource']
  const namedFunctions = ['suggestTypeName', 'prismaTypeExists', 'resolvePrismaTypeName', 'prismaInputFields']
  const typeError = (call, message) => assert.throws(call, (err) => {
    assert.equal(err.name, 'TypeError', String(err))
    assert.equal(err.code, 'ERR_INVALID_ARG_TYPE')
    assert.match(err.message, message)
    return true
  })
  const schemaArgument = 'the schema must be a path \\(string\\) or \\{ source: string, fileName\\?: string \\}; got'
  for (const name of schemaFunctions) {
    typeError(() => native[name](42), new RegExp(`^${name}: ${schemaArgument} a number$`))
    typeError(() => native[name]([]), new RegExp(`^${name}: ${schemaArgument} an array$`))
    typeError(() => native[name]({ src: 'model a {}' }), new RegExp(`^${name}: ${schemaArgument} an object without a string \`source\`$`))
    typeError(() => native[name]({ source: 'x', fileName: 3 }), new RegExp(`^${name}: ${schemaArgument} \`fileName\` as a number$`))
  }
  for (const name of namedFunctions) {
    const argument = name === 'prismaInputFields' ? 'typeName' : 'name'
    typeError(() => native[name](7, schemaSource), new RegExp(`^${name}: ${argument} must be a string; got a number$`))
    typeError(() => native[name]('tagCreateInput', true), new RegExp(`^${name}: ${schemaArgument} a boolean$`))
  }
  typeError(() => native.generateFactorySource({ model: 'tag' }), /^generateFactorySource: model must be a string; got an object$/)
  // Right types still work, with the schema as a path, as { source } and absent where it can be found.
  assert.equal(native.suggestTypeName('TagCreateInput', schemaSource), 'tagCreateInput')
  assert.equal(native.loadSchema(path.join(examples, 'prisma', 'schema.prisma')).models.length, native.loadSchema(schemaSource).models.length)
  assert.equal(native.generateFactorySource('tag', { schema: path.join(examples, 'prisma', 'schema.prisma') }).className, 'TagDbFactory')
})

test('a Rust panic in an export is a JS Error and the process lives on', () => {
  assert.throws(() => native.__panicForTesting('forced for the test'), (err) => {
    assert.ok(err instanceof Error)
    assert.match(err.message, /forced for the test/)
    return true
  })
  assert.equal(typeof generatePK(), 'bigint', 'the addon still works after the panic')
  // In a fresh process too: the panic is caught, the process exits normally after it.
  const child = spawnSync(process.execPath, ['-e', `
    const m = require(${JSON.stringify(path.join(repo, 'index.js'))})
    try { m.__panicForTesting('child') } catch (e) { console.log('caught:', e.message) }
    console.log('alive', typeof m.generatePK())
  `], { encoding: 'utf8', env: { ...process.env, RUST_BACKTRACE: '0' } })
  assert.equal(child.status, 0, child.stderr)
  assert.match(child.stdout, /caught: child\nalive bigint/)
})

test('the CLI turns a panic into exit code 2 and a message', () => {
  const out = spawnSync(process.execPath, [bin, '__panic-for-testing'], { encoding: 'utf8', env: { ...process.env, RUST_BACKTRACE: '0' } })
  assert.equal(out.status, 2, out.stderr)
  assert.match(out.stderr, /fixture-native: internal error: a panic forced by `fixture-native __panic-for-testing`/)
  assert.match(out.stderr, /please report it/)
})

test('nesting past the limit is a diagnostic, not a stack overflow', () => {
  const deepObject = `export const x = ${'{ a: '.repeat(10_000)}1${' }'.repeat(10_000)};\n`
  const deepType = `export type T = ${'Array<'.repeat(10_000)}string${'>'.repeat(10_000)};\n`
  const deepArray = `export const y = ${'['.repeat(10_000)}${']'.repeat(10_000)};\n`
  for (const [name, text] of [['object.ts', deepObject], ['array.ts', deepArray]]) {
    const report = validateFactories({ schema: { source: POSTGRES }, factories: writeOne(name, text) })
    assert.deepEqual(report.diagnostics.map((d) => d.code), ['parse-error'], name)
    assert.match(report.diagnostics[0].message, /brackets nest 10000 levels deep here; files nesting deeper than 4000 levels are not analysed/)
  }
  // Type arguments are not brackets: 10,000 of them parse and are walked on the analysis threads.
  const report = validateFactories({ schema: { source: POSTGRES }, factories: writeOne('type.ts', deepType) })
  assert.deepEqual(report.diagnostics, [])
})

let scratchRoot
function writeOne(name, text) {
  scratchRoot ??= mkdtempSync(path.join(tmpdir(), 'fixture-native-hardening-'))
  const dir = mkdtempSync(path.join(scratchRoot, 'one-'))
  writeFileSync(path.join(dir, name), text)
  return dir
}
test.after(() => scratchRoot && rmSync(scratchRoot, { recursive: true, force: true }))

test('10,000 factory files are all analysed', (t) => {
  const dir = scratch(t)
  const many = `${POSTGRES}\nmodel item {\n  id   BigInt @id\n  name String\n}\n`
  writeFileSync(path.join(dir, 'schema.prisma'), many)
  mkdirSync(path.join(dir, 'db'))
  writeFileSync(path.join(dir, 'db', 'Base.ts'), 'export abstract class EnhancedDatabaseFactory<T, C> { constructor(protected model: string, protected prisma: unknown) {} }\n')
  for (let i = 0; i < 10_000; i++) {
    writeFileSync(path.join(dir, 'db', `Item${i}DbFactory.ts`),
      `import { EnhancedDatabaseFactory } from "./Base.js";\nexport class Item${i}DbFactory extends EnhancedDatabaseFactory<unknown, unknown> {\n  constructor(prisma: unknown) { super("item", prisma); }\n}\n`)
  }
  const report = validateFactories({ schema: path.join(dir, 'schema.prisma'), factories: path.join(dir, 'db') })
  assert.equal(report.files, 10_001)
  assert.equal(report.factories.length, 10_000)
  assert.equal(report.coverage.covered, 1)
})

test('an empty schema and a schema of 2,000 models', (t) => {
  const db = path.join(examples, 'src', 'fixtures', 'db')
  const empty = validateFactories({ schema: { source: '' }, factories: db })
  assert.equal(empty.schema.models, 0)
  assert.ok(empty.diagnostics.some((d) => d.code === 'unknown-model'), 'factories naming models the empty schema lacks')
  assert.deepEqual(loadSchema({ source: '' }).models, [])

  let source = POSTGRES
  for (let i = 0; i < 2000; i++) {
    source += `\nmodel m${i} {\n  id   BigInt @id\n  name String\n${i > 0 ? `  prevId BigInt\n  prev m${i - 1} @relation(fields: [prevId], references: [id])\n` : ''}${i < 1999 ? `  next m${i + 1}[]\n` : ''}}\n`
  }
  const dir = scratch(t)
  writeFileSync(path.join(dir, 'schema.prisma'), source)
  mkdirSync(path.join(dir, 'db'))
  writeFileSync(path.join(dir, 'db', 'fixtures.ts'), [
    'import { Prisma } from "@prisma/client";',
    'export const first: Prisma.m0CreateInput = { id: 1n, name: "a" };',
    'export const last: Prisma.M1999CreateInput = { id: 2n, name: "b" };',
    '',
  ].join('\n'))
  const report = validateFactories({ schema: path.join(dir, 'schema.prisma'), factories: path.join(dir, 'db') })
  assert.equal(report.schema.models, 2000)
  assert.equal(report.coverage.missing.length, 2000)
  assert.equal(report.diagnostics.filter((d) => d.code === 'missing-factory').length, 2000)
  const unknown = report.diagnostics.filter((d) => d.code === 'unknown-prisma-type')
  assert.deepEqual(unknown.map((d) => [d.line, d.suggestion]), [[3, 'Prisma.m1999CreateInput']])
})
