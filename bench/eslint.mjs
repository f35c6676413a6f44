// Benchmark: ESLint 9 (@typescript-eslint/parser) with the fixture-native plugin against the same
// ESLint without it, in one process run: the bundled example's broken set, and a real fixture folder
// when one is given: FIXTURE_NATIVE_BENCH_DIR=<fixtures folder> FIXTURE_NATIVE_BENCH_SCHEMA=<schema.prisma>.
// Run after a release build (`npm run build`): `node bench/eslint.mjs` (or `npm run bench -- eslint`).
//
// Every file goes through `ESLint.lintText` with its path, as an editor's ESLint server sends it.
// "without": the parser and one core rule (what every ESLint run pays anyway). "with, first run": the
// plugin's rules at their recommended levels, the project's session built during the run.
// "warm": the same again, the session kept; with the saved text (the session answers from what it
// checked when built: a CLI run, `eslint --cache` misses) and with an edited buffer (a trailing
// comment, new each run: the file is analysed again, what each keystroke costs in an editor).
// The plugin's added cost per file: the median of each run's difference (with - without) / files,
// and ESLint's own timing of the plugin's rules (`stats`), which a busy machine disturbs less.
// `checkFile` alone is the native part.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import tsParser from '@typescript-eslint/parser'
import { median } from './support/stats.mjs'

const require = createRequire(import.meta.url)
const native = require('../binding.js')
const plugin = require('../runners/eslint.js')

const RUNS = Number(process.env.ESLINT_BENCH_RUNS ?? 9)
const examples = fileURLToPath(new URL('../examples/', import.meta.url))

function eslintWith(cwd, settings, withPlugin) {
  // One core rule in both: any real config has rules, and ESLint walks the tree only when one is on.
  const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, rules: { 'no-debugger': 'error' } }]
  if (withPlugin) config.push(plugin.configs.recommended, { settings: { 'fixture-native': settings } })
  // `stats`: ESLint's own timing of each rule per file, the plugin's cost without the noise of a
  // difference between two whole runs.
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, cache: false, stats: true })
}

async function lintAll(eslint, files, edit = '') {
  const t = performance.now()
  const problems = []
  let rulesMs = 0
  for (const file of files) {
    const [result] = await eslint.lintText(file.text + edit, { filePath: file.path })
    for (const pass of result.stats?.times.passes ?? []) {
      for (const [rule, time] of Object.entries(pass.rules ?? {})) if (rule.startsWith('fixture-native/')) rulesMs += time.total
    }
    for (const m of result.messages) {
      // The plugin's findings and ESLint's parsing errors (not, say, an unused disable directive).
      if (m.fatal || m.ruleId?.startsWith('fixture-native/')) problems.push(`${file.path}:${m.line}:${m.column} ${m.fatal ? 'parse-error' : m.ruleId.replace('fixture-native/', '')}`)
    }
  }
  return { ms: performance.now() - t, problems, rulesMs }
}

const rows = []
async function bench(name, { cwd, patterns, settings }) {
  const without = eslintWith(cwd, settings, false)
  const withPlugin = eslintWith(cwd, settings, true)
  // The files ESLint would lint for these patterns (its ignores applied), read once.
  const files = (await without.lintFiles(patterns)).map((r) => ({ path: r.filePath, text: fs.readFileSync(r.filePath, 'utf8') }))
  await lintAll(without, files) // ESLint's own first-run costs (parser, config), not ours
  const first = await lintAll(withPlugin, files)
  const times = { without: [], warm: [], withoutEdited: [], warmEdited: [], rulesWarm: [], rulesEdited: [] }
  // Alternating, so drift (CPU frequency, other load) hits both alike.
  for (let i = 0; i < RUNS; i++) {
    const edit = `\n// edited ${i}\n`
    times.without.push((await lintAll(without, files)).ms)
    const warm = await lintAll(withPlugin, files)
    times.warm.push(warm.ms)
    times.rulesWarm.push(warm.rulesMs)
    times.withoutEdited.push((await lintAll(without, files, edit)).ms)
    const edited = await lintAll(withPlugin, files, edit)
    times.warmEdited.push(edited.ms)
    times.rulesEdited.push(edited.rulesMs)
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
  // Paired: each run's difference, so drift between runs cancels.
  m.added = median(times.warm.map((w, i) => w - times.without[i]))
  m.addedEdited = median(times.warmEdited.map((w, i) => w - times.withoutEdited[i]))
  // The same findings as validateFactories on the linted files (a file ESLint cannot parse: its
  // parsing error at our line; columns of the two parsers may differ there).
  const linted = new Set(files.map((f) => f.path))
  const key = (p) => (p.endsWith(' parse-error') ? p.replace(/:\d+ parse-error$/, ' parse-error') : p)
  const expected = native.validateFactories({ ...settings, cwd: settings.cwd ?? cwd }).diagnostics
    .filter((d) => linted.has(d.file))
    .map((d) => key(`${d.file}:${d.line}:${d.column} ${d.code}`))
  const agrees = JSON.stringify(first.problems.map(key).sort()) === JSON.stringify(expected.sort())
  rows.push({ name, files: files.length, problems: first.problems.length, agrees, first: first.ms, ...m, check: median(checkMs) })
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
console.log('| run | ts files | problems (= validate) | ESLint without plugin | with plugin, first run | with, warm | added per file, warm | with, warm, edited buffers | added per file, edited | plugin\'s rules per file, warm / edited | checkFile per file, edited |')
console.log('|---|---|---|---|---|---|---|---|---|---|---|')
for (const r of rows) {
  const perFile = (ms) => `${(ms / r.files).toFixed(2)} ms`
  console.log(`| ${r.name} | ${r.files} | ${r.problems} (${r.agrees ? 'yes' : 'NO'}) | ${r.without.toFixed(0)} ms | ${r.first.toFixed(0)} ms | ${r.warm.toFixed(0)} ms | ${perFile(r.added)} | ${r.warmEdited.toFixed(0)} ms | ${perFile(r.addedEdited)} | ${perFile(r.rulesWarm)} / ${perFile(r.rulesEdited)} | ${perFile(r.check)} |`)
}
