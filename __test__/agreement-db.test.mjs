// Agreement of three judges on every create-input fixture of the bundled example (clean and broken
// sets): (a) the validator's diagnostics, (b) `tsc --noEmit` errors on the fixture's lines, against
// the real Prisma-generated client, (c) inserting the fixture with a Prisma 7 client into a real
// PostgreSQL, in a transaction that is rolled back (parent rows its `connect`s and foreign keys
// need are created first, from the clean set's own `generateMinimalData`; not for an `invalid`
// fixture, which is inserted alone, as a test uses it).
// Seed-style client calls are judged too: the clean seed's functions run against a throwaway
// database (every client call in them must run and succeed), and each call of the broken seed that
// carries an `// expect:` marker runs alone, in a transaction that is rolled back.
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
import { generatePK, loadSchema, resolvePrismaTypeName, validateFactories } from '../index.js'
import { applySchema, databaseSkip, prismaClient } from './support/database.mjs'
import { fixtureSites } from './support/fixture-sites.mjs'
import { insertRolledBack, runRolledBack, summarize } from './support/insert-judge.mjs'
import { clientCalls, markedUnits, transpileSeed } from './support/seed-calls.mjs'
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
const REJECTING_CODES = new Set(['missing-required-field', 'unknown-field', 'field-type-mismatch', 'invalid-enum-value', 'mixed-relation-input', 'value-exceeds-column'])
// Diagnostics that explain why a module cannot load at run time.
const LOAD_CODES = new Set(['unresolved-import', 'import-cycle', 'parse-error'])
const ACCEPTED_WARNING = 'invalid-fixture-accepted'

// The seed files: every client call of a clean one is judged by running its functions; each marked
// call of a broken one is run alone.
const SEEDS = [
  { set: 'clean', file: 'prisma/seed.ts' },
  { set: 'broken', file: 'broken/seedCalls.ts' },
  { set: 'broken', file: 'broken/paymentSeeds.ts' },
]
// The clean seed's exported functions, in an order in which each succeeds, with their arguments
// (and the rows they need, created first). Every exported function must be here.
const CLEAN_SEED_PLAN = [
  { fn: 'seedUsers', args: async () => [['en', 'fr'], true] },
  { fn: 'seedResources', args: async (db) => [(await db.team.findFirstOrThrow()).id] },
  {
    fn: 'tidyTags',
    // A tag its query finds (created by the owner, with an English translation), so that the loop's
    // nested update runs: that update's `where` names a translation with the tag's own id.
    args: async (db) => {
      const owner = await db.user.findFirstOrThrow({ where: { name: 'Owner' } })
      const id = generatePK()
      await db.tag.create({ data: { id, tag: 'a', createdById: owner.id, translations: { create: { id, language: 'en' } } } })
      return [{ tag: { update: async () => ({}) } }]
    },
  },
]
// Arguments of the broken seed's functions; its calls run after the clean seed, on its rows.
const BROKEN_SEED_ARGS = {
  seedBroken: async (db) => [['en', 'fr'], true, (await db.team.findFirstOrThrow()).id],
  recordSeatPayment: async (db) => [(await db.user.findFirstOrThrow()).id, (await db.team.findFirstOrThrow()).id],
}
const RUN_KEY = '__fixtureNativeSeedRun'

const skip = databaseSkip()
let database
let prisma
let seedDatabase
let seedPrisma
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
        // An `invalid` fixture is inserted as a test uses it: alone, with none of the rows it
        // refers to created for it.
        insert ??= await insertRolledBack(prisma, schema, site, value, { parentData, parents: site.category !== 'invalid' })
      }
      judgements.push({ set, site, within, insert, report, tsc })
    }
  }
  judgements.push(...await judgeSeeds({ schema, client, perSet, runDir }))
  // Fixture sites (update inputs too, which are not inserted) and the seed calls judged.
  for (const { set, report, sites } of perSet) {
    const judged = [...sites, ...judgements.filter((j) => j.set === set && j.site.category === 'seed-call').map((j) => j.site)]
    unjudged.push(...report.diagnostics
      .filter((d) => REJECTING_CODES.has(d.code) && !judged.some((s) => s.file === d.file && s.lines.some(([a, b]) => d.line >= a && d.line <= b)))
      .map((d) => `${set.name}: ${rel(d.file)}:${d.line} ${d.code}`))
  }
  for (const { set, site, within, insert, report, tsc } of judgements) {
    rows.push(judge(set, site, report.diagnostics.filter(within), (await tsc).errors.filter(within), insert, report))
  }
  ms = performance.now() - started
})

after(async () => {
  await prisma?.$disconnect()
  await database?.drop()
  await seedPrisma?.$disconnect()
  await seedDatabase?.drop()
  delete globalThis[RUN_KEY]
  if (runDir) await rm(runDir, { recursive: true, force: true })
})

/**
 * The seed files' client calls, run: the clean seed's functions on a throwaway database (a row per
 * client call in them), then each marked call of a broken seed alone, rolled back (a row per call).
 */
async function judgeSeeds({ schema, client, perSet, runDir }) {
  const delegates = new Set(schema.models.map((m) => m.delegate))
  seedDatabase = await applySchema(schemaPath, { name: 'agreement_seed' })
  seedPrisma = await prismaClient(schemaPath, seedDatabase.url)
  const generated = require(path.join(client.dir, 'client'))
  // What the transpiled seeds see: the generated module, whose `new PrismaClient()` is our client,
  // and a record of every client call they make.
  const run = {
    client: seedPrisma,
    records: new Map(),
    prismaModule: { ...generated, PrismaClient: function PrismaClient() { return run.client } },
    track(key, call) {
      const record = run.records.get(key) ?? run.records.set(key, { runs: 0, errors: [] }).get(key)
      record.runs += 1
      const fail = (error) => {
        record.errors.push(summarize(error))
        throw error
      }
      try {
        return call().then((value) => value, fail)
      } catch (error) {
        return fail(error)
      }
    },
  }
  globalThis[RUN_KEY] = run
  const importJs = async (name, js) => {
    const out = path.join(runDir, name)
    await mkdir(path.dirname(out), { recursive: true })
    await writeFile(out, js)
    return import(pathToFileURL(out).href)
  }
  const judgements = []
  for (const seed of SEEDS) {
    const { set, report, tsc } = perSet.find((p) => p.set.name === seed.set)
    const file = path.join(examples, seed.file)
    const text = readFileSync(file, 'utf8')
    const calls = clientCalls(file, text, { delegates })
    const add = (site, insert) => judgements.push({
      set, site, insert, report, tsc,
      within: (item) => item.file === site.file && site.lines.some(([a, b]) => item.line >= a && item.line <= b),
    })
    if (seed.set === 'clean') {
      run.records = new Map()
      const module = await importJs(seed.file.replace(/\.ts$/, '.js'), transpileSeed(file, text, { key: RUN_KEY, delegates }))
      const threw = new Map()
      for (const step of CLEAN_SEED_PLAN) {
        try {
          await module[step.fn](...await step.args(seedPrisma))
        } catch (error) {
          threw.set(step.fn, summarize(error))
        }
      }
      const unplanned = Object.keys(module).filter((name) => typeof module[name] === 'function' && !CLEAN_SEED_PLAN.some((s) => s.fn === name))
      unjudged.push(...unplanned.map((name) => `${set.name}: ${seed.file} exports ${name}, which CLEAN_SEED_PLAN does not run`))
      for (const call of calls) {
        const record = run.records.get(call.key)
        const insert = !record
          ? { ok: false, error: `never ran${threw.has(call.fn) ? `: ${call.fn} threw ${threw.get(call.fn)}` : ''}`, notRun: true }
          : record.errors.length ? { ok: false, error: record.errors[0] } : { ok: true, ran: true }
        add({ file, category: 'seed-call', label: `${call.fn}: ${call.label}`, lines: call.lines }, insert)
      }
      continue
    }
    const units = markedUnits(file, text)
    for (const [i, unit] of units.entries()) {
      const within = (call) => unit.lines.some(([a, b]) => call.lines[0][0] >= a && call.lines[0][1] <= b)
      const label = `${unit.fn}: ${calls.filter(within).map((c) => c.label).join(' + ') || '(no client call)'}`
      const site = { file, category: 'seed-call', label, lines: unit.lines }
      const args = BROKEN_SEED_ARGS[unit.fn]
      if (!args) {
        add(site, { ok: false, error: `BROKEN_SEED_ARGS has no arguments for ${unit.fn}`, notRun: true })
        continue
      }
      const js = transpileSeed(file, text, { key: RUN_KEY, delegates, only: unit })
      const name = seed.file.replace(/\.ts$/, `.unit-${i}.js`)
      const insert = await runRolledBack(seedPrisma, async (tx) => {
        run.client = tx
        const module = await importJs(name, js)
        await module[unit.fn](...await args(tx))
      })
      run.client = seedPrisma
      add(site, insert.ok ? { ok: true, ran: true } : insert)
    }
  }
  return judgements
}

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
    insert: insert.ok ? (insert.ran ? 'ran' : 'inserted') : `rejected: ${insert.error}`,
    accepted: insert.ok,
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
    else if (insert.notRun) disagree(`it was not run: ${insert.error}`)
    else if (insert.ok) row.why = 'passes all three'
    else if (loadCause) row.why = `its module cannot load; we report ${loadCause.code} at ${rel(loadCause.file)}:${loadCause.line}`
    else disagree('we pass it, the database rejects it')
    return row
  }
  const rejecting = errors.filter((d) => REJECTING_CODES.has(d.code))
  if (rejecting.length > 0) {
    if (tscHere.length === 0 && insert.ok) disagree('we flag it, yet tsc accepts it and it inserts')
    else if (tscHere.length === 0 && insert.notRun) disagree(`we flag it, tsc accepts it, and it was not run: ${insert.error}`)
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
  const calls = (pred) => count((r) => r.category === 'seed-call' && pred(r))
  console.log(`${rows.length} rows (${count((r) => r.set === 'clean')} clean, ${count((r) => r.set === 'broken')} broken), ` +
    `of which ${calls(() => true)} seed calls (${calls((r) => r.set === 'clean')} clean, ${calls((r) => r.set === 'broken')} broken); ` +
    `${count((r) => r.accepted)} accepted (${count((r) => r.insert === 'inserted')} inserted, ${count((r) => r.insert === 'ran')} calls ran), ` +
    `${count((r) => !r.accepted)} rejected (${calls((r) => !r.accepted)} of them seed calls); ` +
    `${count((r) => r.verdict !== 'agree')} disagreements; ${(ms / 1000).toFixed(1)} s`)

  assert.deepEqual(rows.filter((r) => r.verdict !== 'agree').map((r) => `${r.fixture}: ${r.why} [ours ${r.ours}; tsc ${r.tsc}; ${r.insert}]`), [])
  // The judges are looking: each outcome occurs.
  assert.ok(count((r) => r.set === 'clean' && r.insert === 'inserted') >= 40, 'too few clean fixtures inserted')
  assert.ok(count((r) => r.set === 'broken' && r.ours !== '-' && !r.accepted) >= 10, 'too few flagged fixtures rejected')
  assert.ok(count((r) => r.category === 'invalid' && !r.accepted) >= 20, 'too few invalid fixtures rejected')
  assert.ok(calls((r) => r.set === 'clean' && r.insert === 'ran') >= 10, 'too few clean seed calls ran')
  assert.ok(calls((r) => r.set === 'broken' && !r.accepted) >= 7, 'too few marked seed calls rejected')
})

test('every data diagnostic of ours lies on a judged fixture', { skip }, () => {
  assert.deepEqual(unjudged, [])
})

test('every clean-set fixture inserts and every clean seed call runs, none with a diagnostic', { skip }, () => {
  const clean = rows.filter((r) => r.set === 'clean' && r.category !== 'invalid')
  assert.ok(clean.length > 0)
  assert.deepEqual(clean.filter((r) => !r.accepted || r.ours !== '-' || r.tsc !== '-').map((r) => r.fixture), [])
})
