// `@vrooli/fixture-native/verify` as users install it: the packed tarballs in a fresh project outside
// the repository, with real Jest 30 and Vitest 4, Prisma 7 (client generated there, offline) and
// TypeScript; `describeFactories` declares one describe per factory and one test per method with
// each runner's own functions, so the runner's output lists them, `-t` selects one factory, and a
// planted runtime fault fails its test with the cause and the factory's file:line. The database
// is a fresh one of the example schema; no row is left in it.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { cp, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { databaseSkip } from './support/database.mjs'
import { mustRun, run } from './support/child-process.mjs'

const require = createRequire(import.meta.url)
const repo = path.resolve(fileURLToPath(new URL('..', import.meta.url)))
const template = path.join(repo, '__test__/fixtures/verify-project')
const repoPkg = JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8'))
const dev = repoPkg.devDependencies
const skip = databaseSkip()
const FACTORIES = 12
const METHODS = 5

let work
let project
let clean // the example schema's database, clean
let planted // the same with examples/verify/database.sql applied

const rowsIn = async (url) => {
  const pg = new (require('pg').Client)({ connectionString: url })
  await pg.connect()
  try {
    const tables = (await pg.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)).rows
    let total = 0
    for (const { table_name: t } of tables) total += Number((await pg.query(`SELECT count(*) AS n FROM "${t.replaceAll('"', '""')}"`)).rows[0].n)
    return total
  } finally {
    await pg.end()
  }
}

before(async () => {
  if (skip) return
  const database = await import('./support/database.mjs')
  const schema = path.join(repo, 'examples/prisma/schema.prisma')
  ;[clean, planted] = await Promise.all([database.applySchema(schema, { name: 'install_verify' }), database.applySchema(schema, { name: 'install_verify_planted' })])
  const pg = new (require('pg').Client)({ connectionString: planted.url })
  await pg.connect()
  await pg.query(await readFile(path.join(repo, 'examples/verify/database.sql'), 'utf8'))
  await pg.end()

  work = await realpath(await mkdtemp(path.join(os.tmpdir(), 'fixture-native-install-verify-')))
  const packed = await mustRun(process.execPath, [path.join(repo, 'scripts/pack.mjs'), '--out', path.join(work, 'pack'), '--json'], { cwd: repo })
  const tarballs = JSON.parse(packed.stdout)
  project = path.join(work, 'verify-project')
  await cp(template, project, { recursive: true })
  for (const entry of ['prisma', 'src', 'verify', 'verify.config.json', 'tsconfig.json']) {
    await cp(path.join(repo, 'examples', entry), path.join(project, entry), { recursive: true })
  }
  // The planted set's config, as this project lays it out (its own tsconfig is the example's).
  await writeFile(path.join(project, 'package.json'), `${JSON.stringify({ name: 'verify-project', private: true }, null, 2)}\n`)
  const packages = [`jest@${dev.jest}`, `vitest@${dev.vitest}`, `prisma@${dev.prisma}`, `@prisma/client@${dev['@prisma/client']}`, `@prisma/adapter-pg@${dev['@prisma/adapter-pg']}`, `pg@${dev.pg}`, `typescript@${dev.typescript}`]
  await mustRun('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error', tarballs.main, tarballs.platform, ...packages], { cwd: project })
  // `prisma generate` offline: any existing file as the schema engine skips its download (generate never runs it).
  const standIn = path.join(work, 'schema-engine-stand-in')
  await writeFile(standIn, '#!/bin/sh\nexit 1\n', { mode: 0o755 })
  await mustRun(process.execPath, [path.join(project, 'node_modules/prisma/build/index.js'), 'generate', '--schema', 'prisma/schema.prisma'], {
    cwd: project,
    env: { PRISMA_SCHEMA_ENGINE_BINARY: standIn, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1', PRISMA_GENERATE_NO_HINTS: '1' },
  })
})

after(async () => {
  await clean?.drop()
  await planted?.drop()
  if (work) await rm(work, { recursive: true, force: true })
})

const jest = (args, env) => run(process.execPath, [path.join(project, 'node_modules/jest/bin/jest.js'), '--ci', '--verbose', ...args], { cwd: project, env })
const vitest = (args, env) => run(process.execPath, [path.join(project, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=verbose', ...args], { cwd: project, env })

// Each runner's summary line: "Tests: 5 skipped, 55 passed, 60 total" / "Tests  55 passed | 5 skipped (60)".
function counts(runner, output) {
  const line = runner === 'Jest 30' ? /^Tests:\s+(.*)$/m.exec(output)?.[1] : /^\s*Tests\s+(.*)$/m.exec(output)?.[1]
  const n = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(line ?? '')?.[1] ?? 0)
  return { passed: n('passed'), failed: n('failed'), skipped: n('skipped') }
}

for (const [runner, start] of [['Jest 30', jest], ['Vitest 4', vitest]]) {
  describe(`describeFactories under ${runner}`, { skip }, () => {
    test('the clean factories: one test per factory and method in the output, all pass, no row left', async () => {
      const r = await start([], { DATABASE_URL: clean.url })
      assert.equal(r.code, 0, r.output)
      assert.deepEqual(counts(runner, r.output), { passed: (FACTORIES - 1) * METHODS, failed: 0, skipped: METHODS }, r.output)
      for (const name of ['UserDbFactory (User)', 'CreditLedgerEntryDbFactory (credit_ledger_entry)', 'TeamDbFactory (team)']) assert.ok(r.output.includes(name), `${name} in\n${r.output}`)
      assert.match(r.output, /createMinimal/)
      assert.match(r.output, /invalid/)
      assert.match(r.output, /skipped: made through its team and tag/)
      assert.equal(await rowsIn(clean.url), 0)
    })

    test('-t selects one factory', async () => {
      const r = await start(['-t', 'UserDbFactory'], { DATABASE_URL: clean.url })
      assert.equal(r.code, 0, r.output)
      assert.equal(counts(runner, r.output).passed, METHODS, r.output)
      assert.equal(counts(runner, r.output).failed, 0)
      assert.doesNotMatch(r.output.replace(/UserDbFactory \(User\)[^\n]*/g, ''), /✓[^\n]*DbFactory/)
    })

    test('the planted faults: their tests fail with cause and file:line, the others pass', async () => {
      const r = await start(['-t', 'TagDbFactory|PaymentDbFactory'], { DATABASE_URL: planted.url, VERIFY_CONFIG: 'verify.config.json' })
      assert.equal(r.code, 1, r.output)
      // TagDbFactory: createComplete; PaymentDbFactory: createMinimal and fixtures (TagTranslationDbFactory is not selected).
      const { passed, failed } = counts(runner, r.output)
      assert.deepEqual({ passed, failed }, { passed: 2 * METHODS - 3, failed: 3 }, r.output)
      assert.match(r.output, /verify\/TagDbFactory\.ts:23:13 - error verify-failed: TagDbFactory \(tag\) createComplete: createComplete\(\) \(the second call; the first inserted\): unique constraint tag_tag_key on tag \(tag\) failed/)
      assert.match(r.output, /verify\/PaymentDbFactory\.ts:18:\d+ - error verify-failed: PaymentDbFactory \(Payment\) createMinimal: createMinimal\(\): NOT NULL column payment\.userId got no value/)
      assert.equal(await rowsIn(planted.url), 0)
    })
  })
}

test('Vitest 4 with globals: true: the global describe/test/vi serve the same way', { skip }, async () => {
  const r = await vitest(['--globals'], { DATABASE_URL: clean.url })
  assert.equal(r.code, 0, r.output)
  assert.deepEqual(counts('Vitest 4', r.output), { passed: (FACTORIES - 1) * METHODS, failed: 0, skipped: METHODS }, r.output)
})

test('the types: CommonJS and ESM entries type-check; a wrong method name is rejected', { skip }, async () => {
  const tsc = path.join(project, 'node_modules/typescript/bin/tsc')
  await mustRun(process.execPath, [tsc, '-p', 'tsconfig.types.json'], { cwd: project })
  const wrong = await run(process.execPath, [tsc, '-p', 'tsconfig.types-wrong.json'], { cwd: project })
  assert.notEqual(wrong.code, 0)
  assert.match(wrong.stdout, /verify-wrong\.ts\(4,\d+\): error TS2322: Type '"createAll"' is not assignable to type 'VerifyMethod'/)
})
