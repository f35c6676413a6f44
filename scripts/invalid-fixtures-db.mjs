#!/usr/bin/env node
// Local proof for `invalid-fixture-accepted`: every member of an `invalid` fixtures category in a
// fixtures folder, computed by the folder's own code and inserted alone into a throwaway PostgreSQL
// database with that schema's tables (in a transaction that is rolled back; none of the rows it
// refers to is created for it, as a test uses it), beside the validator's verdict. Nothing of the
// fixtures is copied into this repository; the paths come from the command line.
//
//   DATABASE_URL=… node scripts/invalid-fixtures-db.mjs --fixtures <folder> --schema <schema.prisma> [--out <file.json>]
//
// Each member is `warned` (the validator reports `invalid-fixture-accepted`: it says the member
// inserts) or `silent` (it says the database rejects it, or gives no verdict: a member with a type
// cast or a spread it cannot see into). Prints a table and the counts; a warned member that the
// database rejects is a false warning, and the exit code is then 1.
//
// The folder's TypeScript files, and those they import relatively (a base class elsewhere), are
// transpiled (types erased) into a temporary folder and imported. Imports that resolve to none of
// those files (other packages of a monorepo that are not installed here) get stand-in modules: `@prisma/client` is the client generated from the schema; in others,
// id generators give fresh ids (`generatePK` a Snowflake bigint, `generatePublicId` 12 characters,
// `nanoid` 21), PascalCase names are enums whose values are their keys, and anything else is an
// object every path through which is an object (serialised as `{}`).

import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { applySchema, prismaClient } from '../__test__/support/database.mjs'
import { insertRolledBack } from '../__test__/support/insert-judge.mjs'
import { prismaClientFor } from '../__test__/support/tsc-judge.mjs'

const require = createRequire(import.meta.url)
const ts = require('typescript')
const { validateFactories, loadSchema, generatePK, generatePublicId } = require('../index.js')

const { values: args } = parseArgs({ options: { fixtures: { type: 'string' }, schema: { type: 'string' }, out: { type: 'string' } } })
if (!args.fixtures || !args.schema) {
  console.error('usage: node scripts/invalid-fixtures-db.mjs --fixtures <folder> --schema <schema.prisma> [--out <file.json>]')
  process.exit(2)
}
const folder = path.resolve(args.fixtures)
const schemaPath = path.resolve(args.schema)

const report = validateFactories({ cwd: folder, schema: schemaPath, factories: folder })
const warned = new Set(report.diagnostics.filter((d) => d.code === 'invalid-fixture-accepted').map((d) => `${d.file}:${d.line}:${d.column}`))
const modelOfClass = new Map(report.factories.map((f) => [`${f.file}#${f.className}`, f.model]))
const schema = loadSchema(schemaPath)
const modelByType = (text) => {
  const name = /Prisma\.(\w+)/.exec(text ?? '')?.[1]
  if (!name) return null
  const lower = name.toLowerCase()
  // `<model>CreateInput`, `<model>UncheckedCreateInput`, the fixtures interface's first argument.
  return schema.models.map((m) => m.name).sort((a, b) => b.length - a.length).find((m) => lower.startsWith(m.toLowerCase())) ?? null
}

const files = readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => path.join(folder, f)).sort()
const parse = (f) => ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
const sources = new Map(files.map((f) => [f, parse(f)]))
const moduleSpecifiers = (sf) => sf.statements
  .filter((st) => (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier))
/** The TypeScript file a relative specifier names (`./a.js` is `./a.ts`), if it exists. */
const resolveRelative = (from, spec) => {
  if (!spec.startsWith('.')) return null
  const base = path.resolve(path.dirname(from), spec)
  return [base.replace(/\.js$/, '.ts'), `${base}.ts`, path.join(base, 'index.ts')].find((f) => f.endsWith('.ts') && existsSync(f)) ?? null
}
// The folder's files and every TypeScript file they import relatively, transitively (a base class
// in another folder): all are transpiled, in their own layout.
const reached = new Map(sources)
for (const [file, sf] of reached) {
  for (const st of moduleSpecifiers(sf)) {
    const target = resolveRelative(file, st.moduleSpecifier.text)
    if (target && !reached.has(target)) reached.set(target, parse(target))
  }
}

// Every member of an `invalid` object literal, with the way to compute it at run time.
const members = []
for (const [file, sf] of sources) {
  const visit = (node) => {
    if (ts.isPropertyAssignment(node) && node.name.getText(sf) === 'invalid' && ts.isObjectLiteralExpression(unwrap(node.initializer))) {
      for (const m of unwrap(node.initializer).properties) {
        if (!ts.isPropertyAssignment(m) || !ts.isObjectLiteralExpression(unwrap(m.initializer))) continue
        const at = sf.getLineAndCharacterOfPosition(m.name.getStart(sf))
        const root = rootOf(node, sf)
        members.push({
          file, line: at.line + 1, column: at.character + 1, name: m.name.getText(sf), root,
          path: [...(root?.path ?? []), 'invalid', m.name.getText(sf)],
          cast: /\bas\s+(any|unknown)\b|<any>/.test(m.initializer.getText(sf)),
        })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
}

function unwrap(node) {
  while (node && (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))) node = node.expression
  return node
}

/** From the `invalid` property up to a method's return (of a class) or an exported const. */
function rootOf(node, sf) {
  const path = []
  let n = node.parent
  while (n) {
    if (ts.isPropertyAssignment(n)) path.unshift(n.name.getText(sf))
    if (ts.isReturnStatement(n)) {
      const fn = ts.findAncestor(n, (a) => ts.isFunctionLike(a))
      if (fn && ts.isFunctionDeclaration(fn) && fn.name && ts.isSourceFile(fn.parent)) {
        return { kind: 'function', name: fn.name.text, path, model: modelByType(fn.type?.getText(sf)) }
      }
      const cls = fn && ts.isMethodDeclaration(fn) && ts.isClassDeclaration(fn.parent) ? fn.parent : null
      if (!cls?.name) return null
      // A class the validator does not take for a factory (another base class): the model its
      // base class's type arguments name.
      const factoryModel = modelOfClass.get(`${sf.fileName}#${cls.name.text}`)
      const heritage = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]
      const model = factoryModel ?? heritage?.typeArguments?.map((t) => modelByType(t.getText(sf))).find(Boolean)
      return { kind: 'method', className: cls.name.text, method: fn.name.getText(sf), path, model, factory: Boolean(factoryModel) }
    }
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && ts.isSourceFile(n.parent.parent.parent)) {
      return { kind: 'export', name: n.name.text, path, model: modelByType(n.type?.getText(sf)) }
    }
    n = n.parent
  }
  return null
}

// Transpile the folder, with stand-ins for what it imports from elsewhere.
const client = await prismaClientFor(schemaPath)
const generated = require(path.join(client.dir, 'client'))
const work = await mkdtemp(path.join(os.tmpdir(), 'invalid-fixtures-db-'))
// What the transpiled files import from elsewhere: a stand-in module per specifier (a relative
// one that names no file is keyed by its absolute path).
const importedNames = new Map() // key -> Set of names
const stubKey = (file, spec) => (spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : spec)
for (const [file, sf] of reached) {
  for (const st of moduleSpecifiers(sf)) {
    const spec = st.moduleSpecifier.text
    if (resolveRelative(file, spec)) continue
    const key = stubKey(file, spec)
    const names = importedNames.get(key) ?? importedNames.set(key, new Set()).get(key)
    const clause = st.importClause
    if (clause?.name) names.add('default')
    const bindings = clause?.namedBindings ?? st.exportClause
    if (bindings && (ts.isNamedImports(bindings) || ts.isNamedExports(bindings))) {
      for (const el of bindings.elements) names.add((el.propertyName ?? el.name).text)
    }
  }
}
const root = [...reached.keys()].map(path.dirname).reduce((a, b) => {
  while (!(b + path.sep).startsWith(a + path.sep)) a = path.dirname(a)
  return a
})
const outOf = (file) => path.join(work, 'src', path.relative(root, file)).replace(/\.ts$/, '.js')
const stubPath = (key) => path.join(work, 'stubs', `${[...importedNames.keys()].indexOf(key)}.mjs`)
const relativeImport = (from, to) => {
  const r = path.relative(path.dirname(from), to).split(path.sep).join('/')
  return r.startsWith('.') ? r : `./${r}`
}
const idLike = (name) => /^generate(PK|Pk|Id|Snowflake)$/.test(name)
for (const [spec, names] of importedNames) {
  const lines = [
    'const enumOf = () => new Proxy({}, { get: (_, k) => (typeof k === "string" ? k : undefined) })',
    // Configuration objects: any path through them is an object, which serialises as `{}`.
    'const anyObject = () => new Proxy({}, { get: (_, k) => (k === "toJSON" ? () => ({}) : typeof k === "string" ? anyObject() : undefined) })',
  ]
  for (const name of names) {
    const binding = name === 'default' ? 'export default' : `export const ${name} =`
    if (spec === '@prisma/client' && name in generated) lines.push(`${binding} globalThis.__generated[${JSON.stringify(name)}]`)
    else if (idLike(name)) lines.push(`${binding} globalThis.__ids.generatePK`)
    else if (/publicId/i.test(name)) lines.push(`${binding} globalThis.__ids.generatePublicId`)
    else if (name === 'nanoid') lines.push(`${binding} (n = 21) => Math.random().toString(36).slice(2).padEnd(n, "x").slice(0, n)`)
    else if (/^[A-Z]/.test(name) && !/^[A-Z0-9_]+$/.test(name)) lines.push(`${binding} enumOf()`)
    else if (/^[A-Z0-9_]+$/.test(name)) lines.push(`${binding} 1`)
    else lines.push(`${binding} anyObject()`)
  }
  await mkdir(path.dirname(stubPath(spec)), { recursive: true })
  await writeFile(stubPath(spec), lines.join('\n') + '\n')
}
globalThis.__generated = generated
globalThis.__ids = { generatePK, generatePublicId: () => generatePublicId() }
for (const [file, sf] of reached) {
  const out = outOf(file)
  const { outputText } = ts.transpileModule(sf.text, {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    transformers: {
      before: [(context) => (root) => ts.visitEachChild(root, (node) => {
        const spec = (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier?.text
        if (!spec || resolveRelative(file, spec) || !importedNames.has(stubKey(file, spec))) return node
        const to = context.factory.createStringLiteral(relativeImport(out, stubPath(stubKey(file, spec))))
        return ts.isImportDeclaration(node)
          ? context.factory.updateImportDeclaration(node, node.modifiers, node.importClause, to, node.attributes)
          : context.factory.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, to, node.attributes)
      }, context)],
    },
  })
  await mkdir(path.dirname(out), { recursive: true })
  await writeFile(out, outputText)
}
await writeFile(path.join(work, 'package.json'), '{ "type": "module" }\n')

const database = await applySchema(schemaPath, { name: 'invalid_fixtures' })
const prisma = await prismaClient(schemaPath, database.url)
const rows = []
try {
  const modules = new Map()
  const load = async (file) => {
    if (!modules.has(file)) modules.set(file, import(pathToFileURL(outOf(file)).href).then((m) => ({ m }), (error) => ({ error })))
    return modules.get(file)
  }
  for (const member of members) {
    const key = `${member.file}:${member.line}:${member.column}`
    const judged = member.root?.kind !== 'method' || member.root.factory
    const validator = warned.has(key) ? 'warned' : judged ? 'silent' : 'not a factory'
    const row = { at: `${path.relative(folder, member.file)}:${member.line}`, member: member.name, model: member.root?.model ?? '?', validator, cast: member.cast, insert: '' }
    rows.push(row)
    if (!member.root || !row.model || row.model === '?') {
      row.insert = member.root ? 'not computed: its class or type names no model of the schema' : 'not computed: no class method, exported function or typed export holds it'
      continue
    }
    const loaded = await load(member.file)
    if (loaded.error) {
      row.insert = `not computed: the module does not load (${String(loaded.error.message).split('\n')[0]})`
      continue
    }
    let value
    try {
      if (member.root.kind === 'method') {
        const Class = loaded.m[member.root.className]
        const instance = new Class({}, {}, {})
        value = member.path.reduce((v, k) => v?.[k], instance[member.root.method]())
      } else if (member.root.kind === 'function') {
        value = member.path.reduce((v, k) => v?.[k], loaded.m[member.root.name]())
      } else {
        value = member.path.reduce((v, k) => v?.[k], loaded.m[member.root.name])
      }
    } catch (error) {
      row.insert = `not computed: ${String(error.message).split('\n')[0]}`
      continue
    }
    const result = await insertRolledBack(prisma, schema, { model: row.model, kind: 'createInput' }, value, { parentData: () => { throw new Error('no parents') }, parents: false })
    row.inserted = result.ok
    row.insert = result.ok ? 'inserted' : `rejected: ${result.error}`
  }
} finally {
  await prisma.$disconnect()
  await database.drop()
  await rm(work, { recursive: true, force: true })
}

const computed = rows.filter((r) => r.inserted !== undefined)
const count = (v, ins) => computed.filter((r) => r.validator === v && r.inserted === ins).length
const others = computed.filter((r) => r.validator === 'not a factory')
console.log('| member | model | validator | database |\n|---|---|---|---|')
for (const r of rows) console.log(`| ${r.at} \`${r.member}\` | ${r.model} | ${r.validator}${r.cast ? ' (cast)' : ''} | ${r.insert.slice(0, 120)} |`)
console.log(`\n${rows.length} invalid members, ${computed.length} computed and inserted alone: ` +
  `warned and inserted ${count('warned', true)}, warned but rejected ${count('warned', false)}, ` +
  `silent and rejected ${count('silent', false)}, silent but inserted ${count('silent', true)} ` +
  `(of which ${computed.filter((r) => r.validator === 'silent' && r.inserted && r.cast).length} hold a cast: no verdict); ` +
  `${rows.length - computed.length} not computed (${rows.filter((r) => r.validator === 'warned' && r.inserted === undefined).length} of them warned); ` +
  `in classes the validator does not take for factories: ${others.filter((r) => r.inserted).length} inserted, ${others.filter((r) => !r.inserted).length} rejected`)
if (args.out) await writeFile(args.out, JSON.stringify(rows, null, 2) + '\n')
process.exitCode = count('warned', false) > 0 ? 1 : 0
