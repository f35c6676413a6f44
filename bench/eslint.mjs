// Benchmark: ESLint 9 (@typescript-eslint/parser) with the fixture-native plugin against the same
// ESLint without it, in one process run: the bundled example's broken set, and a real fixture folder
// when one is given: FIXTURE_NATIVE_BENCH_DIR=<fixtures folder> FIXTURE_NATIVE_BENCH_SCHEMA=<schema.prisma>.
// Run after a release build (`npm run build`): `node bench/eslint.mjs` (or `npm run bench -- eslint`).
//
// "without": the parser and no rule (what every ESLint run pays anyway). "with, first run": the
// plugin's rules at their recommended levels, the project's session built during the run (an
// editor's or CI's first lint). "with, warm": the same ESLint again, the session kept (every later
// lint in an editor, or `eslint --cache` misses). The added cost per file is (warm with - without)
// / files; `checkFile` alone is the native part of it.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import tsParser from '@typescript-eslint/parser'

const require = createRequire(import.meta.url)
const native = require('../binding.js')
const plugin = require('../runners/eslint.js')

const RUNS = Number(process.env.ESLINT_BENCH_RUNS ?? 9)
const examples = fileURLToPath(new URL('../examples/', import.meta.url))

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

function eslintWith(cwd, settings, withPlugin) {
  const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }]
  if (withPlugin) config.push(plugin.configs.recommended, { settings: { 'fixture-native': settings } })
  // No ESLint cache: every run lints every file.
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, cache: false })
}

async function timeLint(eslint, files) {
  const t = performance.now()
  const results = await eslint.lintFiles(files)
  return { ms: performance.now() - t, results }
}

const rows = []
async function bench(name, { cwd, files, settings }) {
  // Alternate without/with so drift (CPU frequency, other load) hits both alike.
  const without = eslintWith(cwd, settings, false)
  const withPlugin = eslintWith(cwd, settings, true)
  await timeLint(without, files) // ESLint's own first-run costs (parser, config), not ours
  const first = await timeLint(withPlugin, files)
  const problems = first.results.reduce((n, r) => n + r.messages.length, 0)
  const withoutMs = []
  const warmMs = []
  for (let i = 0; i < RUNS; i++) {
    withoutMs.push((await timeLint(without, files)).ms)
    warmMs.push((await timeLint(withPlugin, files)).ms)
  }
  // The native part: checkFile of each file on one warm session.
  const session = new native.ValidationSession({ ...settings, cwd: settings.cwd ?? cwd })
  const paths = first.results.map((r) => r.filePath)
  const texts = paths.map((p) => fs.readFileSync(p, 'utf8'))
  paths.forEach((p, i) => session.checkFile(p, texts[i]))
  const checkMs = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    paths.forEach((p, j) => session.checkFile(p, texts[j]))
    checkMs.push(performance.now() - t)
  }
  rows.push({ name, files: paths.length, problems, without: median(withoutMs), first: first.ms, warm: median(warmMs), check: median(checkMs) })
}

await bench('bundled example (broken set)', { cwd: examples, files: ['broken/**/*.ts'], settings: { config: 'broken.config.json' } })
await bench('bundled example (clean set)', { cwd: examples, files: ['src/**/*.ts'], settings: { config: 'fixture-native.config.json' } })

const dir = process.env.FIXTURE_NATIVE_BENCH_DIR
const schema = process.env.FIXTURE_NATIVE_BENCH_SCHEMA
if (dir && schema) {
  const root = path.resolve(dir)
  await bench(`fixture folder (${path.basename(root)})`, { cwd: root, files: ['**/*.ts'], settings: { cwd: root, schema: path.resolve(schema), factories: root } })
} else {
  console.log('(set FIXTURE_NATIVE_BENCH_DIR and FIXTURE_NATIVE_BENCH_SCHEMA to add a real fixture folder)')
}

console.log(`node ${process.version}, ESLint ${ESLint.version}, ${os.cpus().length} cores, median of ${RUNS} warm runs\n`)
console.log('| run | ts files | problems | ESLint without plugin | with plugin, first run | with plugin, warm | added per file, warm | of which checkFile | with / without, warm |')
console.log('|---|---|---|---|---|---|---|---|---|')
for (const r of rows) {
  const added = (r.warm - r.without) / r.files
  console.log(`| ${r.name} | ${r.files} | ${r.problems} | ${r.without.toFixed(1)} ms | ${r.first.toFixed(1)} ms | ${r.warm.toFixed(1)} ms | ${added.toFixed(2)} ms | ${(r.check / r.files).toFixed(2)} ms | ${(r.warm / r.without).toFixed(2)}x |`)
}
