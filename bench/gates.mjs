// Benchmark: what the globalSetup gate adds to a Jest run and a Vitest run. A small project with
// the bundled example's schema and clean factories and three trivial test files is run with and
// without `globalSetup` (alternating, median of GATES_BENCH_RUNS each). On a busy machine the
// difference of two wall-clock medians is mostly noise, so the setup also times itself inside the
// runner (loading the module and the addon, validating, printing), and the gate is timed alone in
// fresh processes.
// Run after a release build (`npm run build`): `node bench/gates.mjs` (or `npm run bench -- gates`).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { median } from './support/stats.mjs'

const { platformPackageSuffix } = createRequire(import.meta.url)('../platform.js')

const RUNS = Number(process.env.GATES_BENCH_RUNS ?? 7)
const repo = fileURLToPath(new URL('..', import.meta.url))
const examples = path.join(repo, 'examples')
// Inside the repository (an ignored folder), so that the project finds this repository's Jest and Vitest.
const dir = path.join(repo, '.fixture-native-tmp', `bench-gates-${process.pid}`)

// The package as installed: its published files and the built addon in the project's node_modules
// (Jest transforms files outside node_modules, which an installed package is not).
function installPackage() {
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'))
  const target = path.join(dir, 'node_modules', pkg.name)
  for (const entry of [...pkg.files, 'package.json']) fs.cpSync(path.join(repo, entry), path.join(target, entry), { recursive: true })
  const addon = `${pkg.napi.binaryName}.${platformPackageSuffix()}.node`
  fs.cpSync(path.join(repo, addon), path.join(target, addon))
}

function writeProject() {
  fs.mkdirSync(path.join(dir, 'tests'), { recursive: true })
  installPackage()
  fs.cpSync(path.join(examples, 'prisma'), path.join(dir, 'prisma'), { recursive: true })
  fs.cpSync(path.join(examples, 'src/fixtures/db'), path.join(dir, 'src/fixtures/db'), { recursive: true })
  fs.cpSync(path.join(examples, 'tsconfig.json'), path.join(dir, 'tsconfig.json'))
  const files = {
    'package.json': JSON.stringify({ name: 'bench-gates', private: true }),
    'fixture-native.config.json': JSON.stringify({ schema: 'prisma/schema.prisma', factories: 'src/fixtures/db', tsconfig: 'tsconfig.json' }),
    'jest.without.cjs': `module.exports = { rootDir: __dirname, testMatch: ['<rootDir>/tests/*.spec.cjs'], testEnvironment: 'node' }\n`,
    'jest.with.cjs': `module.exports = { ...require('./jest.without.cjs'), globalSetup: './timed-jest-setup.cjs' }\n`,
    // The gate as the runner loads it, timed from before its module is loaded to its return.
    'timed-jest-setup.cjs': `module.exports = async (globalConfig, projectConfig) => {
  const started = performance.now()
  await require('@vrooli/fixture-native/jest')(globalConfig, projectConfig)
  require('node:fs').appendFileSync(${JSON.stringify(path.join(dir, 'jest.times'))}, (performance.now() - started) + '\\n')
}\n`,
    'timed-vitest-setup.mjs': `import { appendFileSync } from 'node:fs'
export default async (project) => {
  const started = performance.now()
  const { default: setup } = await import('@vrooli/fixture-native/vitest')
  await setup(project)
  appendFileSync(${JSON.stringify(path.join(dir, 'vitest.times'))}, (performance.now() - started) + '\\n')
}\n`,
    'vitest.without.mjs': `export default { test: { include: ['tests/*.spec.mjs'] } }\n`,
    'vitest.with.mjs': `export default { test: { include: ['tests/*.spec.mjs'], globalSetup: ['./timed-vitest-setup.mjs'] } }\n`,
  }
  for (const n of [1, 2, 3]) {
    files[`tests/t${n}.spec.cjs`] = `test('sum ${n}', () => { expect(${n} + 1).toBe(${n + 1}) })\n`
    files[`tests/t${n}.spec.mjs`] = `import { expect, test } from 'vitest'\ntest('sum ${n}', () => { expect(${n} + 1).toBe(${n + 1}) })\n`
  }
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text)
}

function timeRun(args) {
  const started = performance.now()
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '1', NO_COLOR: '1' } })
  const ms = performance.now() - started
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}\n${r.stdout}${r.stderr}`)
  if (args.some((a) => a.includes('.with.')) && !/No problems found/.test(r.stdout + r.stderr)) throw new Error('the gate did not report')
  return ms
}

const runners = {
  'Jest 30': (config) => [path.join(repo, 'node_modules/jest/bin/jest.js'), '--ci', '--config', config],
  'Vitest 4': (config) => [path.join(repo, 'node_modules/vitest/vitest.mjs'), 'run', '--config', config],
}
const configs = { 'Jest 30': ['jest.without.cjs', 'jest.with.cjs'], 'Vitest 4': ['vitest.without.mjs', 'vitest.with.mjs'] }

function gateAlone() {
  const script = `const t = performance.now(); require('@vrooli/fixture-native/jest').createGlobalSetup({ print() {} })({ rootDir: process.cwd() }).then(() => process.stdout.write(String(performance.now() - t)))`
  const times = []
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(r.stderr)
    times.push(Number(r.stdout))
  }
  return median(times)
}

writeProject()
try {
  const rows = []
  for (const [runner, argsFor] of Object.entries(runners)) {
    const [without, withGate] = configs[runner]
    timeRun(argsFor(without)) // warm caches (Jest's transform cache, Vite's)
    timeRun(argsFor(withGate))
    const a = []
    const b = []
    for (let i = 0; i < RUNS; i++) {
      a.push(timeRun(argsFor(without)))
      b.push(timeRun(argsFor(withGate)))
    }
    const inRunner = fs.readFileSync(path.join(dir, runner.startsWith('Jest') ? 'jest.times' : 'vitest.times'), 'utf8').trim().split('\n').map(Number)
    rows.push({ runner, without: median(a), with: median(b), inRunner: median(inRunner) })
  }
  const alone = gateAlone()
  const fmt = (ms) => `${ms.toFixed(0)} ms`
  console.log(`node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; median of ${RUNS} runs each, alternating`)
  console.log('')
  console.log('| runner (bundled example, 3 test files) | run without the gate | run with the gate | difference | the gate inside the run | target (< 100 ms added) |')
  console.log('|---|---|---|---|---|---|')
  for (const r of rows) {
    const added = r.with - r.without
    console.log(`| ${r.runner} | ${fmt(r.without)} | ${fmt(r.with)} | ${fmt(added)} | ${r.inRunner.toFixed(1)} ms | ${r.inRunner < 100 ? 'met' : 'not met'} (by the gate's own time) |`)
  }
  console.log('')
  console.log(`The gate alone, first call in a fresh process (addon load, validateFactories, pretty report): ${alone.toFixed(1)} ms (median of ${RUNS}).`)
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
