// Benchmark: ESLint 9 (@typescript-eslint/parser) with the fixture-native plugin against the same
// ESLint without it, in one process run: the bundled example's broken set, and a real fixture folder
// when one is given: FIXTURE_NATIVE_BENCH_DIR=<fixtures folder> FIXTURE_NATIVE_BENCH_SCHEMA=<schema.prisma>.
// Run after a release build (`npm run build`): `node bench/eslint.mjs` (or `npm run bench -- eslint`).
//
// Every file goes through `ESLint.lintText` with its path, as an editor's ESLint server sends it.
// "without": the parser and no rule (what every ESLint run pays anyway). "with, first run": the
// plugin's rules at their recommended levels, the project's session built during the run.
// "warm": the same again, the session kept; with the saved text (the session answers from what it
// checked when built: a CLI run, `eslint --cache` misses) and with an edited buffer (a trailing
// comment, new each run: the file is analysed again, what each keystroke costs in an editor).
// Added cost per file = (with - without) / files, warm; `checkFile` alone is the native part.
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
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, cache: false })
}

async function lintAll(eslint, files, edit = '') {
  const t = performance.now()
  let problems = 0
  for (const file of files) {
    const [result] = await eslint.lintText(file.text + edit, { filePath: file.path })
    problems += result.messages.length
  }
  return { ms: performance.now() - t, problems }
}

const rows = []
async function bench(name, { cwd, patterns, settings }) {
  const without = eslintWith(cwd, settings, false)
  const withPlugin = eslintWith(cwd, settings, true)
  // The files ESLint would lint for these patterns (its ignores applied), read once.
  const files = (await without.lintFiles(patterns)).map((r) => ({ path: r.filePath, text: fs.readFileSync(r.filePath, 'utf8') }))
  await lintAll(without, files) // ESLint's own first-run costs (parser, config), not ours
  const first = await lintAll(withPlugin, files)
  const times = { without: [], warm: [], withoutEdited: [], warmEdited: [] }
  // Alternating, so drift (CPU frequency, other load) hits both alike.
  for (let i = 0; i < RUNS; i++) {
    const edit = `\n// edited ${i}\n`
    times.without.push((await lintAll(without, files)).ms)
    times.warm.push((await lintAll(withPlugin, files)).ms)
    times.withoutEdited.push((await lintAll(without, files, edit)).ms)
    times.warmEdited.push((await lintAll(withPlugin, files, edit)).ms)
  }
  // The native part: checkFile of each file, edited, on one warm session.
  const session = new native.ValidationSession({ ...settings, cwd: settings.cwd ?? cwd })
  const checkMs = []
  for (let i = 0; i < RUNS; i++) {
    const edit = `\n// checked ${i}\n`
    const t = performance.now()
    for (const file of files) session.checkFile(file.path, file.text + edit)
    checkMs.push(performance.now() - t)
  }
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]))
  rows.push({ name, files: files.length, problems: first.problems, first: first.ms, ...m, check: median(checkMs) })
}

await bench('bundled example (broken set)', { cwd: examples, patterns: ['broken/**/*.ts'], settings: { config: 'broken.config.json' } })
await bench('bundled example (clean set)', { cwd: examples, patterns: ['src/**/*.ts'], settings: { config: 'fixture-native.config.json' } })

const dir = process.env.FIXTURE_NATIVE_BENCH_DIR
const schema = process.env.FIXTURE_NATIVE_BENCH_SCHEMA
if (dir && schema) {
  const root = path.resolve(dir)
  await bench(`fixture folder (${path.basename(root)})`, { cwd: root, patterns: ['**/*.ts'], settings: { cwd: root, schema: path.resolve(schema), factories: root } })
} else {
  console.log('(set FIXTURE_NATIVE_BENCH_DIR and FIXTURE_NATIVE_BENCH_SCHEMA to add a real fixture folder)')
}

console.log(`node ${process.version}, ESLint ${ESLint.version}, ${os.cpus().length} cores, median of ${RUNS} warm runs\n`)
console.log('| run | ts files | problems | ESLint without plugin | with plugin, first run | with, warm | added per file | ESLint without, edited buffers | with, warm, edited | added per file, edited | of which checkFile | with / without, edited |')
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|')
for (const r of rows) {
  const perFile = (ms) => `${(ms / r.files).toFixed(2)} ms`
  console.log(`| ${r.name} | ${r.files} | ${r.problems} | ${r.without.toFixed(0)} ms | ${r.first.toFixed(0)} ms | ${r.warm.toFixed(0)} ms | ${perFile(r.warm - r.without)} | ${r.withoutEdited.toFixed(0)} ms | ${r.warmEdited.toFixed(0)} ms | ${perFile(r.warmEdited - r.withoutEdited)} | ${perFile(r.check)} | ${(r.warmEdited / r.withoutEdited).toFixed(2)}x |`)
}
