// Benchmark: generating factories for every model of a schema, one process run. The bundled example
// (12 models), the Vrooli corpus schema (66) and the largest public schema of the corpus, nextcrm
// (84; `../shared/corpus` beside the clone, or FIXTURE_NATIVE_CORPUS). Beside it, for scale, `tsc --noEmit` over the generated files (strict, with the
// Prisma-generated client): the check a user runs on factories anyway, by hand-written or generated.
// Run after a release build (`npm run build`): `node bench/generate.mjs` (or `npm run bench -- generate`).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { prismaClientFor, tscErrors } from '../__test__/support/tsc-judge.mjs'
import { exampleSchema, freshProject, vrooliSchema } from '../__test__/support/generated-factories.mjs'
import { corpusRoot, prismaReady } from '../__test__/support/generate-corpus.mjs'

const require = createRequire(import.meta.url)
const { generateFactorySource, runCli } = require('../index.js')

const nextcrmSchema = path.join(corpusRoot, 'nextcrm', 'schema.prisma')
const schemas = [['bundled example', exampleSchema], ['Vrooli', vrooliSchema], ['nextcrm', nextcrmSchema]].filter(([, p]) => fs.existsSync(p))

const rows = []
for (const [name, schemaPath] of schemas) {
  const dir = freshProject('bench')
  const text = fs.readFileSync(schemaPath, 'utf8')
  const models = [...text.matchAll(/^model\s+(\w+)/gm)].map((m) => m[1])
  // In memory: every model's source, the schema text new to the process (parsed once, then reused).
  const source = `${text}\n// bench ${process.pid}\n`
  let t = performance.now()
  for (const model of models) {
    try {
      generateFactorySource(model, { schema: { source }, out: dir })
    } catch (error) {
      // A model Prisma makes no create input for (a required Unsupported column) is explained.
      if (!/no create input/.test(error.message)) throw error
    }
  }
  const inMemory = performance.now() - t
  // The command: the validator's coverage, then one atomic write per factory.
  t = performance.now()
  const cli = runCli(['generate', '--all-missing', '--schema', schemaPath, '--out', '.', '--format', 'json'], dir)
  const command = performance.now() - t
  if (cli.exitCode !== 0 && cli.exitCode !== 1) throw new Error(cli.stdout + cli.stderr)
  const written = JSON.parse(cli.stdout).files.filter((f) => f.status === 'written').length
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-generate-schema-'))
  const tsc = await tscErrors(path.join(dir, 'tsconfig.json'), { prismaClient: await prismaClientFor(prismaReady(schemaPath, scratch)) })
  fs.rmSync(scratch, { recursive: true, force: true })
  rows.push({ name, models: models.length, written, inMemory, command, tsc: tsc.ms, tscErrors: tsc.errors.length })
  fs.rmSync(dir, { recursive: true, force: true })
}

const load = os.loadavg().map((l) => l.toFixed(2)).join(' ')
console.log(`node ${process.version}, ${os.cpus().length} cores, load average ${load}; one run each\n`)
console.log('| schema | models | generateFactorySource, all models | generate --all-missing (validate + write) | files written | tsc --noEmit on them | tsc errors | tsc / generate |')
console.log('|---|---|---|---|---|---|---|---|')
for (const r of rows) {
  console.log(`| ${r.name} | ${r.models} | ${r.inMemory.toFixed(1)} ms | ${r.command.toFixed(1)} ms | ${r.written} | ${Math.round(r.tsc)} ms | ${r.tscErrors} | ${(r.tsc / r.command).toFixed(0)}x |`)
}
