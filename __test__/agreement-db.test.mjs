// Agreement of three judges on every create-input fixture of the bundled example (clean and broken
// sets): (a) the validator's diagnostics, (b) `tsc --noEmit` errors on the fixture's lines, against
// the real Prisma-generated client, (c) inserting the fixture with a Prisma 7 client into a real
// PostgreSQL, in a transaction that is rolled back (parent rows its `connect`s and foreign keys
// need are created first, from the clean set's own `generateMinimalData`).
//
// It fails on any disagreement:
// - a fixture we pass (no error of ours on its lines) must compile and insert; when its module
//   cannot even load, a diagnostic of ours must say why (unresolved-import, import-cycle);
// - a fixture we flag as missing-required-field, unknown-field, field-type-mismatch,
//   invalid-enum-value or mixed-relation-input must be rejected by tsc or by Prisma/PostgreSQL;
// - a fixture of the `invalid` category must be rejected by Prisma/PostgreSQL, unless we warn
//   `invalid-fixture-accepted` on it; and we warn only on ones that really insert.
// The table of every fixture is printed. Needs DATABASE_URL (`npm run db:start`).

import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { loadSchema, resolvePrismaTypeName, validateFactories } from '../index.js'
import { applySchema, databaseSkip, prismaClient } from './support/database.mjs'
import { fixtureSites } from './support/fixture-sites.mjs'
import { insertRolledBack } from './support/insert-judge.mjs'
import { cacheRoot, prismaClientFor, tscErrors } from './support/tsc-judge.mjs'

const require = createRequire(import.meta.url)
const ts = require('typescript')

const examples = fileURLToPath(new URL('../examples/', import.meta.url))
const schemaPath = path.join(examples, 'prisma', 'schema.prisma')
const rel = (file) => path.relative(examples, file).split(path.sep).join('/')

const SETS = [
  { name: 'clean', config: 'fixture-native.config.json', tsconfig: 'tsconfig.json', dir: 'src/fixtures/db' },
  { name: 'broken', config: 'broken.config.json', tsconfig: 'broken/tsconfig.json', dir: 'broken' },
]
// The codes whose fixtures a database or tsc must reject.
const REJECTING_CODES = new Set(['missing-required-field', 'unknown-field', 'field-type-mismatch', 'invalid-enum-value', 'mixed-relation-input'])
// Diagnostics that explain why a module cannot load at run time.
const LOAD_CODES = new Set(['unresolved-import', 'import-cycle', 'parse-error'])
const ACCEPTED_WARNING = 'invalid-fixture-accepted'

const skip = databaseSkip()
let database
let prisma
let rows = []
// Diagnostics of the data codes that fall on no judged fixture (the enumeration would be missing one).
let unjudged = []
let runDir
let ms

before(async () => {
  if (skip) return
  const started = performance.now()
  const schema = loadSchema(schemaPath)
  const models = new Set(schema.models.map((m) => m.name))
  const resolveType = (name) => resolvePrismaTypeName(name, schemaPath)
  const client = await prismaClientFor(schemaPath)
  // tsc runs in its own processes while the fixtures are inserted (one at a time: concurrent
  // transactions writing the same unique parent values could deadlock and look like rejections).
  const tscRuns = SETS.map((set) => tscErrors(path.join(examples, set.tsconfig), { prismaClient: client }))
  tscRuns.forEach((run) => run.catch(() => {}))
  database = await applySchema(schemaPath, { name: 'agreement' })
  prisma = await prismaClient(schemaPath, database.url)

  // Every example .ts file, transpiled as it is (type syntax erased) into one folder, so that the
  // fixtures are the values the project's own code computes.
  runDir = path.join(cacheRoot, `agreement-${process.pid}-${randomBytes(4).toString('hex')}`)
  const sources = SETS.flatMap((set) => tsFiles(path.join(examples, set.dir)))
  await Promise.all(sources.map(async (file) => {
    const out = path.join(runDir, rel(file)).replace(/\.ts$/, '.js')
    await mkdir(path.dirname(out), { recursive: true })
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    })
    await writeFile(out, outputText)
  }))
  await writeFile(path.join(runDir, 'package.json'), '{ "type": "module" }\n')
  const modules = new Map()
  const loadErrors = new Map()
  for (const file of sources) {
    try {
      modules.set(file, await import(pathToFileURL(path.join(runDir, rel(file)).replace(/\.ts$/, '.js')).href))
    } catch (error) {
      loadErrors.set(file, `${error.name}: ${error.message.split('\n')[0].replaceAll(runDir + path.sep, '')}`)
    }
  }

  const perSet = SETS.map((set, i) => {
    const report = validateFactories({ cwd: examples, config: set.config })
    const sites = tsFiles(path.join(examples, set.dir)).flatMap((file) => fixtureSites(file, readFileSync(file, 'utf8'), { resolveType, models }))
    return { set, report, tsc: tscRuns[i], sites }
  })

  // Parent rows come from the clean set's factories.
  const minimalByModel = new Map(perSet[0].sites.filter((s) => s.label.endsWith('.generateMinimalData()')).map((s) => [s.model, s]))
  const parentData = (model, unique) => {
    const site = minimalByModel.get(model)
    if (!site) throw new Error(`no clean factory for parent model ${model}`)
    return { ...site.call(modules), ...unique }
  }

  const judgements = []
  for (const { set, report, tsc, sites } of perSet) {
    unjudged.push(...report.diagnostics
      .filter((d) => REJECTING_CODES.has(d.code) && !sites.some((s) => s.file === d.file && s.lines.some(([a, b]) => d.line >= a && d.line <= b)))
      .map((d) => `${set.name}: ${rel(d.file)}:${d.line} ${d.code}`))
    for (const site of sites.filter((s) => s.category !== 'update')) {
      const within = (item) => item.file === site.file && site.lines.some(([a, b]) => item.line >= a && item.line <= b)
      let insert
      if (loadErrors.has(site.file)) {
        insert = { ok: false, error: `module does not load: ${loadErrors.get(site.file)}`, load: true }
      } else {
        let value
        try {
          value = site.call(modules)
        } catch (error) {
          insert = { ok: false, error: `computing the fixture threw: ${error.message}` }
        }
        insert ??= await insertRolledBack(prisma, schema, site, value, { parentData })
      }
      judgements.push({ set, site, within, insert, report, tsc })
    }
  }
  for (const { set, site, within, insert, report, tsc } of judgements) {
    rows.push(judge(set, site, report.diagnostics.filter(within), (await tsc).errors.filter(within), insert, report))
  }
  ms = performance.now() - started
})

after(async () => {
  await prisma?.$disconnect()
  await database?.drop()
  if (runDir) await rm(runDir, { recursive: true, force: true })
})

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(dir, e.name))
    .sort()
}

/** The file and every file it imports relatively, transitively (a load failure can come from any). */
function importClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen
  seen.add(file)
  let text
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return seen
  }
  for (const { fileName } of ts.preProcessFile(text, true, false).importedFiles) {
    if (fileName.startsWith('.')) importClosure(path.resolve(path.dirname(file), fileName).replace(/\.js$/, '.ts'), seen)
  }
  return seen
}

function judge(set, site, ours, tscHere, insert, report) {
  const errors = ours.filter((d) => d.severity === 'error')
  const warned = ours.some((d) => d.code === ACCEPTED_WARNING)
  const row = {
    set: set.name,
    fixture: `${rel(site.file)}:${site.lines[0][0]} ${site.label}`,
    category: site.category,
    ours: ours.map((d) => d.code).join(', ') || '-',
    tsc: [...new Set(tscHere.map((e) => `TS${e.tsCode}`))].join(', ') || '-',
    insert: insert.ok ? 'inserted' : `rejected: ${insert.error}`,
    verdict: 'agree',
    why: '',
  }
  const disagree = (why) => Object.assign(row, { verdict: 'DISAGREE', why })
  if (site.category === 'invalid') {
    if (insert.ok && !warned) disagree(`an invalid fixture inserts, and we do not warn ${ACCEPTED_WARNING}`)
    else if (!insert.ok && warned) disagree(`we warn ${ACCEPTED_WARNING}, but it is rejected`)
    else row.why = insert.ok ? 'inserts: we warn it tests nothing' : 'rejected, as an invalid fixture must be'
    return row
  }
  if (errors.length === 0) {
    const closure = importClosure(site.file)
    const loadCause = insert.load && report.diagnostics.find((d) => closure.has(d.file) && LOAD_CODES.has(d.code))
    if (tscHere.length > 0) disagree('we pass it, tsc rejects it')
    else if (insert.ok) row.why = 'passes all three'
    else if (loadCause) row.why = `its module cannot load; we report ${loadCause.code} at ${rel(loadCause.file)}:${loadCause.line}`
    else disagree('we pass it, the database rejects it')
    return row
  }
  const rejecting = errors.filter((d) => REJECTING_CODES.has(d.code))
  if (rejecting.length > 0) {
    if (tscHere.length === 0 && insert.ok) disagree('we flag it, yet tsc accepts it and it inserts')
    else row.why = [tscHere.length ? 'tsc rejects' : '', insert.ok ? '' : insert.load ? 'its module cannot load' : 'the database rejects'].filter(Boolean).join(', ')
    return row
  }
  row.why = `only ${[...new Set(errors.map((d) => d.code))].join(', ')} (not about the data)`
  return row
}

test('the agreement table: validator, tsc and PostgreSQL agree on every fixture of the example', { skip }, () => {
  const columns = ['set', 'fixture', 'category', 'ours', 'tsc', 'insert', 'verdict', 'why']
  const table = [columns, ...rows.map((r) => columns.map((c) => String(r[c])))]
  const widths = columns.map((_, i) => Math.min(110, Math.max(...table.map((r) => r[i].length))))
  const lines = table.map((r) => r.map((cell, i) => cell.slice(0, 110).padEnd(widths[i])).join(' | ').trimEnd())
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('-|-'))
  const count = (pred) => rows.filter(pred).length
  console.log(`\n${lines.join('\n')}\n`)
  console.log(`${rows.length} fixtures (${count((r) => r.set === 'clean')} clean, ${count((r) => r.set === 'broken')} broken); ` +
    `${count((r) => r.insert === 'inserted')} inserted, ${count((r) => r.insert !== 'inserted')} rejected; ` +
    `${count((r) => r.verdict !== 'agree')} disagreements; ${(ms / 1000).toFixed(1)} s`)

  assert.deepEqual(rows.filter((r) => r.verdict !== 'agree').map((r) => `${r.fixture}: ${r.why} [ours ${r.ours}; tsc ${r.tsc}; ${r.insert}]`), [])
  // The judges are looking: each outcome occurs.
  assert.ok(count((r) => r.set === 'clean' && r.insert === 'inserted') >= 40, 'too few clean fixtures inserted')
  assert.ok(count((r) => r.set === 'broken' && r.ours !== '-' && r.insert !== 'inserted') >= 10, 'too few flagged fixtures rejected')
  assert.ok(count((r) => r.category === 'invalid' && r.insert !== 'inserted') >= 20, 'too few invalid fixtures rejected')
})

test('every data diagnostic of ours lies on a judged fixture', { skip }, () => {
  assert.deepEqual(unjudged, [])
})

test('every clean-set fixture inserts, and none of them has a diagnostic', { skip }, () => {
  const clean = rows.filter((r) => r.set === 'clean' && r.category !== 'invalid')
  assert.ok(clean.length > 0)
  assert.deepEqual(clean.filter((r) => r.insert !== 'inserted' || r.ours !== '-' || r.tsc !== '-').map((r) => r.fixture), [])
})
