// Benchmark: resolveTypeMap against get_dmmf of @prisma/prisma-schema-wasm (what Prisma's own
// getDMMF runs), on the Vrooli schema and the largest corpus schema, in one process run.
// Run after a release build (`npm run build`): `node bench/schema.mjs` (or `npm run bench -- schema`).
//
// Every resolveTypeMap call gets a schema text it has not seen (a trailing comment with the run
// number), so each one parses, validates and resolves from scratch: the addon caches by content.
// get_dmmf is timed with its JSON.parse, since a caller needs the object; the table also shows it
// without. Median of RUNS calls after WARMUP calls. `first call` is timed in fresh Node processes
// (median of FRESH): loading the addon, then the first resolveTypeMap of the schema file.
import fs from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const native = require('../index.js')
const wasm = require('@prisma/prisma-schema-wasm')
const wasm6 = require('prisma-schema-wasm-6')

const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url))
const RUNS = Number(process.env.SCHEMA_BENCH_RUNS ?? 15)
const WARMUP = 5
const FRESH = Number(process.env.SCHEMA_BENCH_FRESH ?? 5)

if (!fs.existsSync(corpus)) {
  console.log(`skipped: the shared corpus is absent (expected ../shared/corpus from the repository root)`)
  process.exit(0)
}

function readFiles(schemaPath) {
  if (!fs.statSync(schemaPath).isDirectory()) return [[path.basename(schemaPath), fs.readFileSync(schemaPath, 'utf8')]]
  return fs.readdirSync(schemaPath).filter((f) => f.endsWith('.prisma')).sort().map((f) => [f, fs.readFileSync(path.join(schemaPath, f), 'utf8')])
}

/**
 * A bigger schema for the size trend: `copies` copies of a schema, every model and enum renamed
 * `<name>_<k>` (references, @@map and index names too), one datasource/generator block.
 */
function scaled(text, copies) {
  const names = [...text.matchAll(/^(?:model|enum|view|type)\s+(\w+)/gm)].map((m) => m[1])
  const body = text.replace(/^(datasource|generator)\s+\w+\s*\{[^}]*\}/gm, '')
  const parts = [text]
  for (let k = 1; k < copies; k++) {
    const renamed = body.replace(new RegExp(`\\b(${names.join('|')})\\b`, 'g'), `$1_${k}`)
    parts.push(renamed.replace(/((?:map|name):\s*")([^"]+)"/g, `$1$2_${k}"`))
  }
  return parts.join('\n')
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function time(fn) {
  for (let i = 0; i < WARMUP; i++) fn(-1 - i)
  const samples = []
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint()
    fn(i)
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return median(samples)
}

/** `[addon load ms, first resolveTypeMap ms]` in a new Node process, median of FRESH processes. */
function firstCall(schemaPath) {
  const script = `
    let start = process.hrtime.bigint()
    const native = require(${JSON.stringify(fileURLToPath(new URL('../index.js', import.meta.url)))})
    const load = Number(process.hrtime.bigint() - start) / 1e6
    start = process.hrtime.bigint()
    native.resolveTypeMap(${JSON.stringify(schemaPath)})
    console.log(JSON.stringify([load, Number(process.hrtime.bigint() - start) / 1e6]))`
  const runs = Array.from({ length: FRESH }, () => JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })))
  return [median(runs.map((r) => r[0])), median(runs.map((r) => r[1]))]
}

const scaledDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixture-native-bench-'))
const scaledPath = path.join(scaledDir, 'schema.prisma')
fs.writeFileSync(scaledPath, scaled(fs.readFileSync(path.join(corpus, 'vrooli', 'schema.prisma'), 'utf8'), 4))
process.on('exit', () => fs.rmSync(scaledDir, { recursive: true, force: true }))

const cases = [
  ['vrooli', path.join(corpus, 'vrooli', 'schema.prisma')],
  ['dub (largest corpus schema, 37 files)', path.join(corpus, 'dub', 'schema')],
  ['vrooli x4 (synthetic: renamed copies)', scaledPath],
]

console.log(
  `resolveTypeMap vs get_dmmf, ${os.cpus().length} cores, Node ${process.version}, median of ${RUNS} runs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
)
const rows = []
for (const [name, schemaPath] of cases) {
  const files = readFiles(schemaPath)
  // The engine that accepts the schema: 7.x line first, then 6.19 (Vrooli still has `url`).
  let engine = wasm
  try {
    wasm.get_dmmf(JSON.stringify({ prismaSchema: files, noColor: true }))
  } catch {
    engine = wasm6
  }
  const models = Object.keys(native.resolveTypeMap(schemaPath).models).length
  // Multi-file schemas are one text for { source }: the models are the same.
  const text = files.map(([, t]) => t).join('\n')
  const ours = time((i) => native.resolveTypeMap({ source: `${text}\n// run ${i}\n` }))
  const loaded = time((i) => native.loadSchema({ source: `${text}\n// load ${i}\n` }))
  const cached = time(() => native.resolveTypeMap(schemaPath))
  const dmmfRaw = time(() => engine.get_dmmf(JSON.stringify({ prismaSchema: files, noColor: true })))
  const dmmf = time(() => JSON.parse(engine.get_dmmf(JSON.stringify({ prismaSchema: files, noColor: true }))))
  const [addonLoad, first] = firstCall(schemaPath)
  rows.push({ name, models, ours, loaded, cached, first, addonLoad, dmmfRaw, dmmf })
}

console.log(
  '| schema | models | resolveTypeMap cold | loadSchema cold | resolveTypeMap cached | first call in a fresh process (+ addon load) | get_dmmf | get_dmmf + JSON.parse | ratio (cold vs get_dmmf + parse) |',
)
console.log('|---|---|---|---|---|---|---|---|---|')
for (const r of rows) {
  console.log(
    `| ${r.name} | ${r.models} | ${r.ours.toFixed(2)} ms | ${r.loaded.toFixed(2)} ms | ${r.cached.toFixed(2)} ms | ${r.first.toFixed(1)} ms (+ ${r.addonLoad.toFixed(1)} ms) | ${r.dmmfRaw.toFixed(1)} ms | ${r.dmmf.toFixed(1)} ms | ${(r.dmmf / r.ours).toFixed(0)}x |`,
  )
}
