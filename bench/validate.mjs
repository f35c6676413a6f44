// Benchmark: validateFactories against `tsc --noEmit` (TypeScript 5.9 with the Prisma-generated
// client) on the same files, in one process run: the bundled example, and a real fixture folder
// when one is given: FIXTURE_NATIVE_BENCH_DIR=<fixtures folder> FIXTURE_NATIVE_BENCH_SCHEMA=<schema.prisma>.
// Run after a release build (`npm run build`): `node bench/validate.mjs` (or `npm run bench -- validate`).
//
// "cold" calls see a schema text they have not seen (a trailing comment with the run number), so
// psl and the type-name universe run every time; "warm" calls repeat the same schema, which the
// addon keeps per process (a watch mode, or a test runner calling it per project). tsc gets the
// same files, strict, ES2022, with `@prisma/client` pointed at the generated client.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { prismaClientFor, tscErrors, cacheRoot } from '../__test__/support/tsc-judge.mjs'
import { median } from './support/stats.mjs'

const require = createRequire(import.meta.url)
const { validateFactories } = require('../index.js')

const RUNS = Number(process.env.VALIDATE_BENCH_RUNS ?? 15)
const TSC_RUNS = Number(process.env.VALIDATE_BENCH_TSC_RUNS ?? 3)
const examples = fileURLToPath(new URL('../examples/', import.meta.url))

function timeValidate(options, schemaText) {
  const cold = []
  const warm = []
  let report
  for (let i = 0; i < RUNS; i++) {
    const source = `${schemaText}\n// bench run ${i} ${process.pid}\n`
    let t = performance.now()
    report = validateFactories({ ...options, schema: { source } })
    cold.push(performance.now() - t)
    t = performance.now()
    validateFactories({ ...options, schema: { source } })
    warm.push(performance.now() - t)
  }
  return { cold: median(cold), warm: median(warm), report }
}

async function timeTsc(tsconfig, client) {
  const times = []
  let errors
  for (let i = 0; i < TSC_RUNS; i++) {
    const r = await tscErrors(tsconfig, { prismaClient: client })
    times.push(r.ms)
    errors = r.errors
  }
  return { ms: median(times), errors }
}

const rows = []
async function bench(name, { schemaPath, options, tsconfig }) {
  const schemaText = fs.readFileSync(schemaPath, 'utf8')
  const v = timeValidate(options, schemaText)
  const client = await prismaClientFor(schemaPath)
  const t = await timeTsc(tsconfig, client)
  rows.push({ name, files: v.report.files, factories: v.report.factories.length, ours: v.report.diagnostics.length, tscErrors: t.errors.length, cold: v.cold, warm: v.warm, tsc: t.ms })
}

await bench('bundled example (clean)', {
  schemaPath: path.join(examples, 'prisma/schema.prisma'),
  options: { cwd: examples, factories: 'src/fixtures/db', tsconfig: 'tsconfig.json' },
  tsconfig: path.join(examples, 'tsconfig.json'),
})
await bench('bundled example (broken)', {
  schemaPath: path.join(examples, 'prisma/schema.prisma'),
  options: { cwd: examples, factories: ['broken/**/*.ts', 'src/fixtures/db/EnhancedDatabaseFactory.ts', 'src/fixtures/db/types.ts', 'src/fixtures/db/ids.ts'], tsconfig: 'broken/tsconfig.json' },
  tsconfig: path.join(examples, 'broken/tsconfig.json'),
})

const dir = process.env.FIXTURE_NATIVE_BENCH_DIR
const schema = process.env.FIXTURE_NATIVE_BENCH_SCHEMA
if (dir && schema) {
  // A throwaway tsconfig over that folder, under node_modules/.cache (never committed).
  fs.mkdirSync(cacheRoot, { recursive: true })
  const tsconfig = path.join(cacheRoot, `bench-validate.${process.pid}.json`)
  fs.writeFileSync(tsconfig, JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, skipLibCheck: true, noEmit: true, types: [], lib: ['ES2022', 'DOM'] },
    include: [path.join(path.resolve(dir), '**/*.ts')],
  }))
  try {
    await bench(`fixture folder (${path.basename(path.resolve(dir))})`, {
      schemaPath: path.resolve(schema),
      options: { cwd: path.resolve(dir), factories: path.resolve(dir) },
      tsconfig,
    })
  } finally {
    fs.rmSync(tsconfig, { force: true })
  }
} else {
  console.log('(set FIXTURE_NATIVE_BENCH_DIR and FIXTURE_NATIVE_BENCH_SCHEMA to add a real fixture folder)')
}

console.log(`node ${process.version}, ${os.cpus().length} cores, median of ${RUNS} validateFactories calls and ${TSC_RUNS} tsc runs\n`)
console.log('| run | ts files | factories | diagnostics (ours / tsc errors) | validateFactories cold | warm | tsc --noEmit | tsc / cold | tsc / warm |')
console.log('|---|---|---|---|---|---|---|---|---|')
for (const r of rows) {
  console.log(`| ${r.name} | ${r.files} | ${r.factories} | ${r.ours} / ${r.tscErrors} | ${r.cold.toFixed(1)} ms | ${r.warm.toFixed(1)} ms | ${Math.round(r.tsc)} ms | ${Math.round(r.tsc / r.cold)}x | ${Math.round(r.tsc / r.warm)}x |`)
}
