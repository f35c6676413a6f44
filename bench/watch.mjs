// Benchmark: the validation session and the watch against a full validation, in one process run:
// the bundled example, and a real fixture folder when one is given:
// FIXTURE_NATIVE_BENCH_DIR=<fixtures folder> FIXTURE_NATIVE_BENCH_SCHEMA=<schema.prisma>.
// Run after a release build (`npm run build`): `node bench/watch.mjs` (or `npm run bench -- watch`).
//
// - cold full validation: `validateFactories` on a schema text it has not seen (psl and the
//   type-name universe run every time), and `new ValidationSession` (the same work, kept);
// - warm full report: `validateFactories` again, against `session.report()`;
// - checkFile: one factory file with an edit (an editor's buffer), against the warm full run;
// - event -> report: a watch on a temp copy of the folder; one file written, the time from the
//   write to the report in JS, and the watch's own figure (first file event to report; both
//   include the debounce that makes an atomic save one report).
// The folder is copied (never written in place); the schema is read, never written.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { median, timed } from './support/stats.mjs'

const require = createRequire(import.meta.url)
const { ValidationSession, validateFactories, watchFactories } = require('../index.js')

const RUNS = Number(process.env.WATCH_BENCH_RUNS ?? 21)
const examples = fileURLToPath(new URL('../examples/', import.meta.url))

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** The factory file to edit: the largest one declaring a factory class. */
function fileToEdit(report) {
  const files = [...new Set(report.factories.map((f) => f.file))]
  return files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]
}

/** A harmless edit that changes the text (a comment), alternating so no two runs see the same text. */
const edit = (text, i) => `${text}\n// bench edit ${i}\n`

async function bench(name, { folder, schemaPath, options }) {
  const schemaText = fs.readFileSync(schemaPath, 'utf8')
  const cold = []
  const build = []
  for (let i = 0; i < RUNS; i++) {
    const source = `${schemaText}\n// bench run ${i} ${process.pid}\n`
    cold.push(timed(() => validateFactories({ ...options, schema: { source } }))[0])
    const other = `${schemaText}\n// bench session ${i} ${process.pid}\n`
    build.push(timed(() => new ValidationSession({ ...options, schema: { source: other } }))[0])
  }
  const warmOptions = { ...options, schema: schemaPath }
  const warm = []
  let fresh
  for (let i = 0; i < RUNS; i++) {
    const [ms, r] = timed(() => validateFactories(warmOptions))
    warm.push(ms)
    fresh = r
  }
  const session = new ValidationSession(warmOptions)
  const report = []
  for (let i = 0; i < RUNS; i++) report.push(timed(() => session.report())[0])
  const file = fileToEdit(fresh)
  const text = fs.readFileSync(file, 'utf8')
  const check = []
  let checked
  for (let i = 0; i < RUNS; i++) {
    const [ms, r] = timed(() => session.checkFile(file, edit(text, i)))
    check.push(ms)
    checked = r
  }
  const unchanged = []
  for (let i = 0; i < RUNS; i++) unchanged.push(timed(() => session.checkFile(file, text))[0])

  // The watch, on a copy of the folder (the schema stays where it is).
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'fixture-native-bench-watch-'))
  fs.cpSync(folder, copy, { recursive: true })
  const copied = path.join(copy, path.relative(folder, file))
  const copyOptions = { ...warmOptions, cwd: copy, factories: copy === folder ? options.factories : rebase(options.factories, folder, copy) }
  const latencies = []
  const inWatch = []
  let waiting
  const watch = watchFactories(copyOptions, (err, update) => {
    if (err) throw err
    if (waiting) waiting(update)
  })
  const nextReport = () => new Promise((resolve) => (waiting = resolve))
  try {
    await sleep(200)
    for (let i = 0; i < RUNS; i++) {
      const arrived = nextReport()
      const t = performance.now()
      fs.writeFileSync(copied, edit(text, i))
      const update = await arrived
      latencies.push(performance.now() - t)
      inWatch.push(update.latencyMs)
      await sleep(30)
    }
  } finally {
    watch.close()
    fs.rmSync(copy, { recursive: true, force: true })
  }
  rows.push({
    name,
    files: fresh.files,
    factories: fresh.factories.length,
    diagnostics: fresh.diagnostics.length,
    fileDiagnostics: checked.diagnostics.length,
    editedFile: path.basename(file),
    cold: median(cold),
    build: median(build),
    warm: median(warm),
    report: median(report),
    check: median(check),
    unchanged: median(unchanged),
    latency: median(latencies),
    latencyMax: Math.max(...latencies),
    inWatch: median(inWatch),
  })
}

/** `factories` (a folder or patterns under `from`) moved to `to`. */
function rebase(factories, from, to) {
  const one = (f) => path.join(to, path.relative(from, path.resolve(from, f)))
  return Array.isArray(factories) ? factories.map(one) : one(factories)
}

const rows = []
await bench('bundled example (clean)', {
  folder: examples,
  schemaPath: path.join(examples, 'prisma/schema.prisma'),
  options: { cwd: examples, factories: 'src/fixtures/db', tsconfig: 'tsconfig.json' },
})

const dir = process.env.FIXTURE_NATIVE_BENCH_DIR
const schema = process.env.FIXTURE_NATIVE_BENCH_SCHEMA
if (dir && schema) {
  const folder = path.resolve(dir)
  await bench(`fixture folder (${path.basename(folder)})`, {
    folder,
    schemaPath: path.resolve(schema),
    options: { cwd: folder, factories: folder },
  })
} else {
  console.log('(set FIXTURE_NATIVE_BENCH_DIR and FIXTURE_NATIVE_BENCH_SCHEMA to add a real fixture folder)')
}

const ms = (x) => `${x.toFixed(2)} ms`
console.log(`node ${process.version}, ${os.cpus().length} cores, median of ${RUNS} runs each\n`)
console.log('| run | ts files | factories | cold validateFactories | new ValidationSession | warm validateFactories | session.report() | checkFile, edited (diagnostics) | checkFile, unchanged | write -> report in JS (max) | file event -> report | warm full / checkFile |')
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|')
for (const r of rows) {
  console.log(
    `| ${r.name} | ${r.files} | ${r.factories} | ${ms(r.cold)} | ${ms(r.build)} | ${ms(r.warm)} | ${ms(r.report)} | ${ms(r.check)} (${r.editedFile}: ${r.fileDiagnostics}) | ${ms(r.unchanged)} | ${ms(r.latency)} (${ms(r.latencyMax)}) | ${ms(r.inWatch)} | ${Math.round(r.warm / r.check)}x |`,
  )
}
