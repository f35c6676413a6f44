// Benchmark: `verifyFactories` on the 66 factories generated for Vrooli's schema (`../shared/corpus`
// beside the clone, or FIXTURE_NATIVE_CORPUS), against a real PostgreSQL (DATABASE_URL) through
// Prisma 7, beside what a user would otherwise run: a plain loop of `createMinimal()` calls, the same
// inserts without the harness (no transaction, no rollback, no report). Three runs each, alternated;
// medians. Per factory: the full verification's time (all five methods).
// `node bench/verify.mjs` (or `npm run bench -- verify`); needs DATABASE_URL.
import fs from 'node:fs'
import os from 'node:os'
import { createRequire } from 'node:module'
import { generateProject, importTranspiled, loadFactories, transpileInPlace, vrooliSchema } from '../__test__/support/generated-factories.mjs'
import { applySchema, databaseUrl, prismaClient } from '../__test__/support/database.mjs'

const require = createRequire(import.meta.url)
const { verifyFactories } = require('../runners/verify.js')
const ROUNDS = 3

if (!databaseUrl()) {
  console.log('DATABASE_URL is not set: start a throwaway PostgreSQL with `npm run db:start`, then `eval "$(scripts/db.sh env)"`')
  process.exit(0)
}
if (!fs.existsSync(vrooliSchema)) {
  console.log(`${vrooliSchema} is absent (set FIXTURE_NATIVE_CORPUS to the shared corpus folder)`)
  process.exit(0)
}

const { dir } = generateProject('bench-verify', vrooliSchema)
transpileInPlace(dir)
const [verifyDb, loopDb] = await Promise.all([applySchema(vrooliSchema, { name: 'bench_verify' }), applySchema(vrooliSchema, { name: 'bench_verify_loop' })])
const [verifyClient, loopClient] = await Promise.all([prismaClient(vrooliSchema, verifyDb.url), prismaClient(vrooliSchema, loopDb.url)])
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

try {
  const options = { prisma: verifyClient, factories: dir, schema: vrooliSchema, cwd: dir, import: importTranspiled, print: false }
  const factories = Object.values(await loadFactories(dir, loopClient))
  // Warm-up: both clients connected, every module loaded, Prisma's query plans cached.
  await verifyFactories({ ...options, methods: ['createMinimal'] })
  for (const f of factories) await f.createMinimal().catch(() => {})

  const times = { setup: [], minimal: [], loop: [], all: [] }
  const perFactory = new Map()
  let checks = 0
  const failures = [] // real faults verify finds in the generated factories (printed, not hidden)
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now()
    await verifyFactories({ ...options, methods: [] })
    times.setup.push(performance.now() - t)

    t = performance.now()
    const minimal = await verifyFactories({ ...options, methods: ['createMinimal'] })
    times.minimal.push(performance.now() - t)
    failures.push(...minimal.report.diagnostics.map((d) => d.message))

    // The same inserts as verify's createMinimal check (two calls per factory), by hand.
    t = performance.now()
    for (const f of factories) {
      for (let call = 0; call < 2; call++) {
        try {
          await f.createMinimal()
        } catch (error) {
          failures.push(`plain loop: ${f.constructor.name} createMinimal(): ${String(error.message).trim().split('\n').at(-1)}`)
        }
      }
    }
    times.loop.push(performance.now() - t)

    t = performance.now()
    const all = await verifyFactories(options)
    times.all.push(performance.now() - t)
    failures.push(...all.report.diagnostics.map((d) => d.message))
    checks = all.results.reduce((n, r) => n + r.checks.filter((c) => !c.skipped).length, 0)
    for (const r of all.results) {
      if (!perFactory.has(r.className)) perFactory.set(r.className, [])
      const rounds = perFactory.get(r.className)
      rounds[round] = (rounds[round] ?? 0) + (r.ms ?? 0)
    }
  }

  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]))
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ')
  console.log(`node ${process.version}, ${os.cpus().length} cores, load average ${load}; ${factories.length} factories; median of ${ROUNDS} alternated runs\n`)
  console.log('| run | time | per factory | vs the plain loop |')
  console.log('|---|---|---|---|')
  console.log(`| plain loop: createMinimal() twice per factory, no transaction | ${m.loop.toFixed(0)} ms | ${(m.loop / factories.length).toFixed(1)} ms | 1.0x |`)
  console.log(`| verifyFactories, methods: ['createMinimal'] (the same inserts, each factory in a rolled-back transaction) | ${m.minimal.toFixed(0)} ms | ${(m.minimal / factories.length).toFixed(1)} ms | ${(m.minimal / m.loop).toFixed(2)}x |`)
  console.log(`| of which setup: factory index, schema, loading (methods: []) | ${m.setup.toFixed(0)} ms | | |`)
  console.log(`| verifyFactories, all five methods (${checks} checks) | ${m.all.toFixed(0)} ms | ${(m.all / factories.length).toFixed(1)} ms | ${(m.all / m.loop).toFixed(2)}x |`)
  const each = [...perFactory].map(([name, rounds]) => [name, median(rounds)]).sort((a, b) => b[1] - a[1])
  const ms = each.map(([, v]) => v)
  console.log(`\nPer factory, all five methods: median ${median(ms).toFixed(1)} ms, min ${Math.min(...ms).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms; slowest: ${each.slice(0, 5).map(([n, v]) => `${n} ${v.toFixed(1)} ms`).join(', ')}`)
  if (failures.length) console.log(`\n${failures.length} failed check(s) over the runs (the timings include them):\n${[...new Set(failures)].map((f) => `- ${f}`).join('\n')}`)
} finally {
  await Promise.all([verifyClient.$disconnect(), loopClient.$disconnect()])
  await Promise.all([verifyDb.drop(), loopDb.drop()])
  fs.rmSync(dir, { recursive: true, force: true })
}
