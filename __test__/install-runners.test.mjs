// The package as users install it: `scripts/pack.mjs` packs the main and platform tarballs, a
// fresh project outside the repository installs them (and nothing of this repository's folders)
// with real Jest 30 and Vitest 4 (and Vitest 3 in a second project), then everything runs from
// there: the CLI, require, import, the missing-binary error, the globalSetup gates on clean and
// defective factories, the generatePK shim, unique ids across workers and runs, and the types.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { cp, mkdir, mkdtemp, readdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { mustRun, run } from './support/child-process.mjs'

const repo = path.resolve(fileURLToPath(new URL('..', import.meta.url)))
const template = path.join(repo, '__test__/fixtures/runner-project')
const repoPkg = JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8'))
const JEST = repoPkg.devDependencies.jest
const VITEST = repoPkg.devDependencies.vitest
const VITEST_3 = '3.2.7'
const ID_FILES = 4
const IDS_PER_FILE = 50_000
const SPEC_FILES = ID_FILES + 1 // and shim.spec

let work
let tarballs
let project // Jest 30 + Vitest 4
let projectV3 // Vitest 3

async function makeProject(name, runnerPackages) {
  const dir = path.join(work, name)
  await cp(template, dir, { recursive: true })
  await cp(path.join(repo, 'examples/prisma'), path.join(dir, 'prisma'), { recursive: true })
  await cp(path.join(repo, 'examples/src/fixtures/db'), path.join(dir, 'src/fixtures/db'), { recursive: true })
  await cp(path.join(repo, 'examples/tsconfig.json'), path.join(dir, 'tsconfig.json'))
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name, private: true }, null, 2)}\n`)
  await mustRun('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error', tarballs.main, tarballs.platform, ...runnerPackages], { cwd: dir })
  // The stand-in shared package, as a project's own package would sit in node_modules.
  await cp(path.join(dir, 'stand-in-shared'), path.join(dir, 'node_modules/@vrooli/shared'), { recursive: true })
  return dir
}

const jest = (cwd, args = [], env = {}) => run(process.execPath, [path.join(cwd, 'node_modules/jest/bin/jest.js'), '--ci', ...args], { cwd, env })
const vitest = (cwd, args = [], env = {}) => run(process.execPath, [path.join(cwd, 'node_modules/vitest/vitest.mjs'), 'run', ...args], { cwd, env })

async function markers(dir) {
  try {
    return await readdir(dir)
  } catch {
    return []
  }
}

// One defective factory: `super("tags", …)` names no model (unknown-model at that line).
async function withDefectiveFactory(dir, body) {
  const file = path.join(dir, 'src/fixtures/db/TagDbFactory.ts')
  const clean = await readFile(file, 'utf8')
  const lines = clean.split('\n')
  const index = lines.findIndex((l) => l.includes('super("tag", prisma)'))
  assert.ok(index >= 0, 'TagDbFactory.ts calls super("tag", prisma)')
  lines[index] = lines[index].replace('super("tag"', 'super("tags"')
  await writeFile(file, lines.join('\n'))
  try {
    return await body({ file: 'src/fixtures/db/TagDbFactory.ts', line: index + 1 })
  } finally {
    await writeFile(file, clean)
  }
}

before(async () => {
  work = await realpath(await mkdtemp(path.join(os.tmpdir(), 'fixture-native-install-')))
  const packed = await mustRun(process.execPath, [path.join(repo, 'scripts/pack.mjs'), '--out', path.join(work, 'pack'), '--json'], { cwd: repo })
  tarballs = JSON.parse(packed.stdout)
  ;[project, projectV3] = await Promise.all([
    makeProject('user-project', [`jest@${JEST}`, `vitest@${VITEST}`]),
    makeProject('user-project-vitest3', [`vitest@${VITEST_3}`]),
  ])
})

after(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

describe('installed from the tarballs', () => {
  test('the package and its binary come from the tarballs, not from this repository', async () => {
    for (const name of ['@vrooli/fixture-native', tarballs.platformPackage]) {
      const dir = await realpath(path.join(project, 'node_modules', name))
      assert.ok(dir.startsWith(project + path.sep), `${name} is installed inside the project (${dir})`)
      assert.ok(!dir.startsWith(repo + path.sep), `${name} does not point into the repository`)
    }
    const installed = JSON.parse(await readFile(path.join(project, 'node_modules/@vrooli/fixture-native/package.json'), 'utf8'))
    assert.equal(installed.optionalDependencies[tarballs.platformPackage], repoPkg.version)
    assert.equal(installed.devDependencies, undefined)
    const files = await readdir(path.join(project, 'node_modules', tarballs.platformPackage))
    assert.ok(files.some((f) => f.endsWith('.node')), `the platform package holds the addon: ${files}`)
  })

  test('the CLI runs from node_modules/.bin', async () => {
    const bin = path.join(project, 'node_modules/.bin/fixture-native')
    const validate = await mustRun(bin, ['validate'], { cwd: project })
    assert.match(validate.stdout, /12 factories in \d+ files, 12 models, coverage 12\/12/)
    assert.match(validate.stdout, /No problems found/)
    const ids = await mustRun(bin, ['id', '--count', '2', '--json'], { cwd: project })
    assert.equal(JSON.parse(ids.stdout).length, 2)
  })

  test('require and import resolve inside the project and work', async () => {
    const cjs = await mustRun(process.execPath, ['-e', `
      const root = require('@vrooli/fixture-native')
      const id = require('@vrooli/fixture-native/id')
      const jest = require('@vrooli/fixture-native/jest')
      if (typeof root.generatePK() !== 'bigint' || id.generatePK !== root.generatePK) process.exit(3)
      if (typeof jest !== 'function' || typeof jest.createGlobalSetup !== 'function') process.exit(4)
      console.log(require.resolve('@vrooli/fixture-native'))`], { cwd: project })
    assert.ok(cjs.stdout.trim().startsWith(path.join(project, 'node_modules')), cjs.stdout)
    const esm = await mustRun(process.execPath, ['--input-type=module', '-e', `
      import { generatePK, validateFactories } from '@vrooli/fixture-native'
      import * as id from '@vrooli/fixture-native/id'
      import vitestSetup, { setup, createGlobalSetup } from '@vrooli/fixture-native/vitest'
      import jestSetup from '@vrooli/fixture-native/jest'
      if (typeof generatePK() !== 'bigint' || id.generatePK !== generatePK) process.exit(3)
      if (vitestSetup !== setup || typeof createGlobalSetup !== 'function' || typeof jestSetup !== 'function') process.exit(4)
      console.log(validateFactories({ cwd: process.cwd() }).ok)`], { cwd: project })
    assert.equal(esm.stdout.trim(), 'true')
  })

  test('without the platform package the error names the package to install', async () => {
    const installed = path.join(project, 'node_modules', tarballs.platformPackage)
    const aside = path.join(work, 'platform-package-aside')
    await rename(installed, aside)
    try {
      for (const entry of ['@vrooli/fixture-native', '@vrooli/fixture-native/id']) {
        const r = await run(process.execPath, ['-e', `require(${JSON.stringify(entry)})`], { cwd: project })
        assert.notEqual(r.code, 0)
        assert.match(r.stderr, new RegExp(`Install ${tarballs.platformPackage.replace('/', '\\/')}@${repoPkg.version}`), r.stderr)
        assert.doesNotMatch(r.stderr.split('\n').find((l) => l.startsWith('Error')) ?? '', /Cannot find module/)
      }
      // A platform nothing is published for: the error lists what is, and how to build.
      const other = await run(process.execPath, ['-e', "Object.defineProperty(process, 'arch', { value: 'riscv64' }); require('@vrooli/fixture-native')"], { cwd: project })
      assert.notEqual(other.code, 0)
      assert.match(other.stderr, new RegExp(`no native binary is published for this platform \\(${process.platform}-riscv64[^)]*\\); published: linux-x64-gnu, .*napi build`))
      const cli = await run(path.join(project, 'node_modules/.bin/fixture-native'), ['id'], { cwd: project })
      assert.notEqual(cli.code, 0)
      assert.match(cli.stderr, new RegExp(tarballs.platformPackage.replace('/', '\\/')))
    } finally {
      await rename(aside, installed)
    }
  })

  test('the types: bigint ids through the shim, the runner entry points; a wrong use is rejected', async () => {
    const tsc = path.join(repo, 'node_modules/typescript/bin/tsc')
    await mustRun(process.execPath, [tsc, '-p', 'tsconfig.shim.json'], { cwd: project })
    const wrong = await run(process.execPath, [tsc, '-p', 'tsconfig.shim-wrong.json'], { cwd: project })
    assert.notEqual(wrong.code, 0)
    assert.match(wrong.stdout, /shim-wrong\.ts\(5,14\): error TS2322: Type 'bigint' is not assignable to type 'string'/)
    assert.match(wrong.stdout, /shim-wrong\.ts\(6,\d+\): error TS2322: Type '"xml"'/)
  })
})

// Started from the folder above the project, so the gate must take the root from the runner
// (Jest `rootDir`, Vitest `root`), not from the working directory, to find the config.
// (Jest: `--projects`; there the global rootDir is the working directory, the project's is `dir`.)
const jestFromAbove = (dir, env) => run(process.execPath, [path.join(dir, 'node_modules/jest/bin/jest.js'), '--ci', '--projects', dir], { cwd: work, env })
const vitestFromAbove = (dir, env) => run(process.execPath, [path.join(dir, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir], { cwd: work, env })
const gates = [
  ['Jest 30', () => project, jestFromAbove],
  ['Vitest 4', () => project, vitestFromAbove],
  ['Vitest 3', () => projectV3, vitestFromAbove],
]

for (const [runner, dirOf, runTests] of gates) {
  describe(`the ${runner} globalSetup gate`, () => {
    test('clean factories: the report prints, every test file runs and passes', async () => {
      const marks = path.join(work, `marks-${runner}-clean`.replace(/\W/g, '-'))
      const r = await runTests(dirOf(), { MARKERS: marks })
      assert.equal(r.code, 0, r.output)
      assert.match(r.output, /12 factories in \d+ files, 12 models, coverage 12\/12 \(100%\)\nNo problems found/)
      assert.equal((await markers(marks)).length, SPEC_FILES, r.output)
    })

    test('one defective factory: the run stops before any test file, naming code, file and line', async () => {
      const marks = path.join(work, `marks-${runner}-broken`.replace(/\W/g, '-'))
      await withDefectiveFactory(dirOf(), async ({ file, line }) => {
        const r = await runTests(dirOf(), { MARKERS: marks })
        assert.notEqual(r.code, 0, r.output)
        // The pretty report, and the thrown error's list of diagnostics.
        assert.ok(r.output.includes(`${file}:${line}:`), `${file}:${line} in\n${r.output}`)
        assert.match(r.output, new RegExp(`${file.replace(/[./]/g, '\\$&')}:${line}:\\d+ error unknown-model`))
        assert.match(r.output, /fixture-native: 1 error in the fixture factories; no test was run/)
        assert.deepEqual(await markers(marks), [], 'no test file ran')

        const skipped = await runTests(dirOf(), { FIXTURE_NATIVE_SKIP: '1' })
        assert.equal(skipped.code, 0, skipped.output)
        assert.match(skipped.output, /FIXTURE_NATIVE_SKIP is set; the fixture factories were not validated/)
      })
    })
  })
}

describe('the shim the other way: Jest moduleNameMapper, Vitest resolve.alias', () => {
  for (const [label, start] of [
    ['Jest moduleNameMapper', () => jest(project, ['--config', 'jest.mapper.cjs'])],
    ['Vitest 4 resolve.alias', () => vitest(project, ['--config', 'vitest.alias.mjs'])],
    ['Vitest 3 resolve.alias', () => vitest(projectV3, ['--config', 'vitest.alias.mjs'])],
  ]) {
    test(`${label}: native bigint ids, the other helpers kept`, async () => {
      const r = await start()
      assert.equal(r.code, 0, r.output)
      assert.match(r.output, /2 passed/)
    })
  }
})

describe('unique ids through the shim in real runners', () => {
  // Each run: ID_FILES spec files of IDS_PER_FILE ids. Returns the ids and who minted them.
  async function idsOf(dir) {
    const files = await readdir(dir)
    const ids = []
    for (const f of files) for (const id of (await readFile(path.join(dir, f), 'utf8')).split('\n')) ids.push(id)
    const minters = new Set(files.map((f) => f.split('-').slice(2).join('-')))
    return { files, ids, minters }
  }

  function assertUnique(ids, label) {
    const seen = new Set()
    const dupes = ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)))
    assert.equal(dupes.length, 0, `${label}: ${dupes.length} duplicates, e.g. ${dupes.slice(0, 3)}`)
  }

  // A fresh cache folder per Jest run: with timings of earlier fast runs Jest would run in band.
  let jestRuns = 0
  const runs = {
    'jest --maxWorkers=4': (dir, env) => jest(project, ['--maxWorkers=4', `--cacheDirectory=${path.join(work, `jest-cache-${++jestRuns}`)}`, 'tests/ids-'], env),
    'vitest --pool threads, 4 workers': (dir, env) => vitest(project, ['--pool', 'threads', '--maxWorkers', '4', 'tests/ids-'], env),
    'vitest --pool forks, 4 workers': (dir, env) => vitest(project, ['--pool', 'forks', '--maxWorkers', '4', 'tests/ids-'], env),
  }
  const all = []

  for (const [label, start] of Object.entries(runs)) {
    test(`${label}: ${ID_FILES} files x ${IDS_PER_FILE} ids, no duplicate across workers`, async () => {
      const out = path.join(work, `ids-${label}`.replace(/\W+/g, '-'))
      const r = await start(project, { IDS_OUT: out })
      assert.equal(r.code, 0, r.output)
      const { files, ids, minters } = await idsOf(out)
      assert.equal(files.length, ID_FILES, r.output)
      assert.equal(ids.length, ID_FILES * IDS_PER_FILE)
      assert.ok(minters.size > 1, `the files ran in more than one worker: ${[...minters]}`)
      assertUnique(ids, label)
      for (const id of ids) all.push(id)
    })
  }

  test('two runs started at the same moment with FIXTURE_NATIVE_WORKER_ID=auto: no duplicate across both', async () => {
    const outs = ['a', 'b'].map((n) => path.join(work, `ids-auto-${n}`))
    const [jestRun, vitestRun] = await Promise.all([
      runs['jest --maxWorkers=4'](project, { IDS_OUT: outs[0], FIXTURE_NATIVE_WORKER_ID: 'auto' }),
      runs['vitest --pool forks, 4 workers'](project, { IDS_OUT: outs[1], FIXTURE_NATIVE_WORKER_ID: 'auto' }),
    ])
    assert.equal(jestRun.code, 0, jestRun.output)
    assert.equal(vitestRun.code, 0, vitestRun.output)
    const both = []
    for (const out of outs) {
      const { ids } = await idsOf(out)
      assert.equal(ids.length, ID_FILES * IDS_PER_FILE)
      for (const id of ids) both.push(id)
    }
    assertUnique(both, 'two runs at once')
    assertUnique(all.concat(both), 'every run of this file')
  })
})
