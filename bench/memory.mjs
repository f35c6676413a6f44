// Benchmark: memory. Peak RSS of one validateFactories call in a fresh Node process beside
// `tsc --noEmit`'s on the same files (with the Prisma-generated client), and the RSS of one process
// across 1,000 repeated validateFactories calls (warm: the same schema; cold: a new schema text
// every call, so the bounded schema caches are filled and evicted over and over).
// Runs: the bundled example, a 2,000-model synthetic schema, and a real fixture folder when given
// (FIXTURE_NATIVE_BENCH_DIR=<fixtures folder> FIXTURE_NATIVE_BENCH_SCHEMA=<schema.prisma>).
// Run after a release build (`npm run build`): `node --expose-gc bench/memory.mjs`.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const here = fileURLToPath(import.meta.url)
const addon = fileURLToPath(new URL('../index.js', import.meta.url))

// Child mode: load the addon, run one call, exit (the parent reads the peak RSS).
if (process.argv[2] === '--child') {
  const { validateFactories } = require(addon)
  const options = JSON.parse(process.argv[3])
  if (options) validateFactories(options)
  process.exit(0)
}

const { prismaClientFor, cacheRoot } = await import('../__test__/support/tsc-judge.mjs')
const { validateFactories } = require(addon)
const examples = fileURLToPath(new URL('../examples/', import.meta.url))
const tscCli = require.resolve('typescript/lib/tsc.js')
const CALLS = Number(process.env.MEMORY_BENCH_CALLS ?? 1000)

// Every child prints its peak resident set size (kilobytes) on exit.
const PEAK_HOOK = 'data:text/javascript,import fs from "node:fs";process.on("exit",()=>fs.writeSync(2,`\\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\\n`))'

function peakMb(args, cwd) {
  const r = spawnSync(process.execPath, ['--import', PEAK_HOOK, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 })
  const m = /PEAK_RSS_KB (\d+)/.exec(r.stderr)
  if (!m) throw new Error(`no peak RSS from ${args.join(' ')} (exit ${r.status}):\n${r.stderr.slice(0, 2000)}`)
  return Number(m[1]) / 1024
}

const ours = (options) => peakMb([here, '--child', JSON.stringify(options)])

async function tscPeak(tsconfig, schemaPath) {
  const client = await prismaClientFor(schemaPath)
  fs.mkdirSync(cacheRoot, { recursive: true })
  const wrapper = path.join(cacheRoot, `tsconfig.memory.${process.pid}.json`)
  fs.writeFileSync(wrapper, JSON.stringify({ extends: path.resolve(tsconfig), compilerOptions: { paths: { '@prisma/client': [client.typesEntry] } } }))
  try {
    return peakMb([tscCli, '--noEmit', '--pretty', 'false', '-p', wrapper], path.dirname(path.resolve(tsconfig)))
  } finally {
    fs.rmSync(wrapper, { force: true })
  }
}

function strictTsconfig(dir, name) {
  const file = path.join(cacheRoot, `${name}.${process.pid}.json`)
  fs.writeFileSync(file, JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, skipLibCheck: true, noEmit: true, types: [], lib: ['ES2022', 'DOM'] },
    include: [path.join(path.resolve(dir), '**/*.ts')],
  }))
  return file
}

/** A schema of `n` models in a chain of relations, and a fixture file using a few of their inputs. */
function syntheticProject(n) {
  const dir = path.join(cacheRoot, `memory-synthetic-${n}`)
  fs.mkdirSync(path.join(dir, 'db'), { recursive: true })
  let schema = 'datasource db {\n  provider = "postgresql"\n}\n\ngenerator client {\n  provider = "prisma-client-js"\n}\n'
  for (let i = 0; i < n; i++) {
    schema += `\nmodel m${i} {\n  id   BigInt @id\n  name String\n`
    if (i > 0) schema += `  prevId BigInt\n  prev   m${i - 1} @relation(fields: [prevId], references: [id])\n`
    if (i < n - 1) schema += `  next   m${i + 1}[]\n`
    schema += '}\n'
  }
  fs.writeFileSync(path.join(dir, 'schema.prisma'), schema)
  const lines = ['import { Prisma } from "@prisma/client";']
  for (let i = 1; i < n; i += Math.ceil(n / 50)) {
    lines.push(`export const f${i}: Prisma.m${i}CreateInput = { id: ${i}n, name: "x", prev: { connect: { id: ${i - 1}n } } };`)
  }
  fs.writeFileSync(path.join(dir, 'db', 'fixtures.ts'), `${lines.join('\n')}\n`)
  return dir
}

const rows = []
async function compare(name, options, tsconfig, schemaPath) {
  const mine = ours(options)
  const theirs = await tscPeak(tsconfig, schemaPath)
  rows.push({ name, mine, theirs })
}

const baseline = ours(null)
fs.mkdirSync(cacheRoot, { recursive: true })
await compare('bundled example (clean)',
  { cwd: examples, schema: 'prisma/schema.prisma', factories: 'src/fixtures/db', tsconfig: 'tsconfig.json' },
  path.join(examples, 'tsconfig.json'), path.join(examples, 'prisma/schema.prisma'))

const synthetic = syntheticProject(2000)
const syntheticTsconfig = strictTsconfig(path.join(synthetic, 'db'), 'memory-synthetic')
try {
  await compare('2,000-model synthetic schema (1 file)',
    { cwd: synthetic, schema: 'schema.prisma', factories: 'db' }, syntheticTsconfig, path.join(synthetic, 'schema.prisma'))
} finally {
  fs.rmSync(syntheticTsconfig, { force: true })
}

const dir = process.env.FIXTURE_NATIVE_BENCH_DIR
const schemaEnv = process.env.FIXTURE_NATIVE_BENCH_SCHEMA
if (dir && schemaEnv) {
  const tsconfig = strictTsconfig(dir, 'memory-folder')
  try {
    await compare(`fixture folder (${path.basename(path.resolve(dir))})`,
      { cwd: path.resolve(dir), schema: path.resolve(schemaEnv), factories: path.resolve(dir) }, tsconfig, path.resolve(schemaEnv))
  } finally {
    fs.rmSync(tsconfig, { force: true })
  }
} else {
  console.log('(set FIXTURE_NATIVE_BENCH_DIR and FIXTURE_NATIVE_BENCH_SCHEMA to add a real fixture folder)')
}

// Growth: RSS after every tenth of the calls (after a full GC when --expose-gc is given).
function growth(label, optionsFor) {
  const samples = []
  for (let i = 1; i <= CALLS; i++) {
    validateFactories(optionsFor(i))
    if (i % (CALLS / 10) === 0) {
      globalThis.gc?.()
      samples.push(process.memoryUsage().rss / 2 ** 20)
    }
  }
  return { label, first: samples[0], last: samples.at(-1), max: Math.max(...samples), samples }
}
const exampleSchema = fs.readFileSync(path.join(examples, 'prisma/schema.prisma'), 'utf8')
const exampleOptions = { cwd: examples, factories: 'src/fixtures/db', tsconfig: 'tsconfig.json' }
const grown = [
  growth('warm (same schema)', () => ({ ...exampleOptions, schema: 'prisma/schema.prisma' })),
  growth('cold (a new schema text each call)', (i) => ({ ...exampleOptions, schema: { source: `${exampleSchema}\n// call ${i}\n` } })),
]

console.log(`node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; peak RSS of one fresh process each`)
console.log(`a Node process that only loads the addon: ${baseline.toFixed(0)} MB\n`)
console.log('| run | validateFactories peak RSS | tsc --noEmit peak RSS | tsc / ours |')
console.log('|---|---|---|---|')
for (const r of rows) console.log(`| ${r.name} | ${r.mine.toFixed(0)} MB | ${r.theirs.toFixed(0)} MB | ${(r.theirs / r.mine).toFixed(1)}x |`)
console.log(`\n${CALLS} validateFactories calls on the bundled example in one process (RSS after each ${CALLS / 10}${globalThis.gc ? ', after a full GC' : ''}):\n`)
console.log(`| calls | RSS after ${CALLS / 10} | RSS after ${CALLS} | highest sample | growth |`)
console.log('|---|---|---|---|---|')
for (const g of grown) console.log(`| ${g.label} | ${g.first.toFixed(1)} MB | ${g.last.toFixed(1)} MB | ${g.max.toFixed(1)} MB | ${(g.last - g.first).toFixed(1)} MB |`)
