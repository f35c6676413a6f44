// Benchmark: the report crossing the napi boundary. `validateFactories` (the report out) and
// `formatValidationReport` in every format (the report back in, then rendered), on the bundled
// broken example and on a real fixture folder when one is given:
// FIXTURE_NATIVE_BENCH_DIR=<fixtures folder> FIXTURE_NATIVE_BENCH_SCHEMA=<schema.prisma>.
// Run after a release build (`npm run build`): `node bench/report.mjs`.
//
// To compare builds (a change to how reports convert), name their addons:
// FIXTURE_NATIVE_BENCH_ADDONS=old.node,new.node. Calls alternate between them, round by round, in
// one process, so that machine noise falls on both alike.
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { median } from './support/stats.mjs'

const require = createRequire(import.meta.url)
const ROUNDS = Number(process.env.REPORT_BENCH_ROUNDS ?? 30)
const FORMATS = ['pretty', 'json', 'sarif', 'junit', 'github']
const examples = fileURLToPath(new URL('../examples/', import.meta.url))

const addons = (process.env.FIXTURE_NATIVE_BENCH_ADDONS ?? '').split(',').filter(Boolean).map((file) => ({ name: path.basename(file), binding: require(path.resolve(file)) }))
if (addons.length === 0) addons.push({ name: 'this build', binding: require('../index.js') })

const projects = [{ name: 'bundled example (broken)', options: { cwd: examples, config: 'broken.config.json' } }]
const dir = process.env.FIXTURE_NATIVE_BENCH_DIR
const schema = process.env.FIXTURE_NATIVE_BENCH_SCHEMA
if (dir && schema) {
  projects.push({ name: `fixture folder (${path.basename(path.resolve(dir))})`, options: { cwd: path.resolve(dir), factories: path.resolve(dir), schema: path.resolve(schema) } })
} else {
  console.log('(set FIXTURE_NATIVE_BENCH_DIR and FIXTURE_NATIVE_BENCH_SCHEMA to add a real fixture folder)')
}

const rows = []
for (const project of projects) {
  const times = addons.map(() => ({ validate: [], ...Object.fromEntries(FORMATS.map((f) => [f, []])) }))
  const reports = addons.map((a) => a.binding.validateFactories(project.options))
  for (let round = 0; round < ROUNDS; round++) {
    addons.forEach((addon, i) => {
      let t = performance.now()
      addon.binding.validateFactories(project.options)
      times[i].validate.push(performance.now() - t)
      for (const format of FORMATS) {
        t = performance.now()
        addon.binding.formatValidationReport(reports[i], { format, cwd: project.options.cwd })
        times[i][format].push(performance.now() - t)
      }
    })
  }
  addons.forEach((addon, i) => rows.push({ project: project.name, addon: addon.name, diagnostics: reports[i].diagnostics.length, ...Object.fromEntries(Object.entries(times[i]).map(([k, v]) => [k, median(v)])) }))
}

console.log(`node ${process.version}, ${os.cpus().length} cores, median of ${ROUNDS} rounds${addons.length > 1 ? ', builds alternating' : ''}\n`)
console.log(`| run | build | diagnostics | validateFactories warm | ${FORMATS.map((f) => `format ${f}`).join(' | ')} |`)
console.log(`|---|---|---|---|${FORMATS.map(() => '---').join('|')}|`)
for (const r of rows) {
  console.log(`| ${r.project} | ${r.addon} | ${r.diagnostics} | ${r.validate.toFixed(2)} ms | ${FORMATS.map((f) => `${r[f].toFixed(2)} ms`).join(' | ')} |`)
}
