// The ESLint plugin as users install it: `scripts/pack.mjs` packs the tarballs, a copy of the bundled
// example outside the repository installs them with real ESLint (this repository's 9, or the version
// `FIXTURE_NATIVE_ESLINT` names: eslint10-cli.test.mjs) and @typescript-eslint/parser, and
// `npx eslint` runs there with `@vrooli/fixture-native/eslint`'s recommended config: the broken set
// gives the codes, lines and severities `fixture-native validate` gives, `eslint --fix` writes
// exactly what `validate --fix` writes (the safe fixes), and the clean set is silent; the types
// check in ESM and CommonJS configs.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { cp, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { mustRun, run } from './support/child-process.mjs'

const repo = path.resolve(fileURLToPath(new URL('..', import.meta.url)))
const repoPkg = JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8'))
const dev = repoPkg.devDependencies
const eslintVersion = process.env.FIXTURE_NATIVE_ESLINT ?? dev.eslint

let work
let project

// The broken set has its own config; everything else is the clean example's project config.
const ESLINT_CONFIG = `import tsParser from '@typescript-eslint/parser'
import fixtureNative from '@vrooli/fixture-native/eslint'

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  fixtureNative.configs.recommended,
  { files: ['broken/**/*.ts'], settings: { 'fixture-native': { config: 'broken.config.json' } } },
]
`

before(async () => {
  work = await realpath(await mkdtemp(path.join(os.tmpdir(), 'fixture-native-eslint-install-')))
  const packed = await mustRun(process.execPath, [path.join(repo, 'scripts/pack.mjs'), '--out', path.join(work, 'pack'), '--json'], { cwd: repo })
  const tarballs = JSON.parse(packed.stdout)
  project = path.join(work, 'example')
  for (const entry of ['prisma', 'src', 'broken', 'tsconfig.json', 'fixture-native.config.json', 'broken.config.json']) {
    await cp(path.join(repo, 'examples', entry), path.join(project, entry), { recursive: true })
  }
  await writeFile(path.join(project, 'package.json'), `${JSON.stringify({ name: 'eslint-user-project', private: true, type: 'module' }, null, 2)}\n`)
  await writeFile(path.join(project, 'eslint.config.mjs'), ESLINT_CONFIG)
  await mustRun('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error', tarballs.main, tarballs.platform,
    `eslint@${eslintVersion}`, `@typescript-eslint/parser@${dev['@typescript-eslint/parser']}`, `typescript@${dev.typescript}`], { cwd: project })
})

after(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

// `--`: npx would take `--format` and `--fix` as its own options.
const eslint = (args) => run('npx', ['--no', '--', 'eslint', ...args], { cwd: project })
const fixtureNative = (args, cwd = project) => run(path.join(project, 'node_modules/.bin/fixture-native'), args, { cwd })

async function tsFiles(dir) {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)))
    .sort()
}

test(`ESLint ${eslintVersion} is the one installed`, async () => {
  const r = await mustRun(process.execPath, ['-p', "require('eslint/package.json').version"], { cwd: project })
  assert.equal(r.stdout.trim(), eslintVersion)
})

test('the plugin is the installed package\'s, not this repository\'s', async () => {
  const r = await mustRun(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('@vrooli/fixture-native/eslint'))"], { cwd: project })
  const resolved = fileURLToPath(r.stdout.trim())
  assert.ok(resolved.startsWith(path.join(project, 'node_modules') + path.sep), resolved)
})

test('npx eslint on the broken set: the codes, lines, columns and severities of `fixture-native validate`', async () => {
  const linted = await eslint(['--format', 'json', 'broken'])
  assert.equal(linted.code, 1, linted.stderr)
  // `validate --format json` is ESLint's JSON format too: one shape for both sides.
  // ESLint's parser stops at the syntax error ours stops at (the rules never see that file); the
  // two parsers' columns for it may differ.
  const located = (results, codeOf) =>
    results.flatMap((result) => result.messages.map((m) => {
      const code = codeOf(m)
      return `${path.relative(project, result.filePath)}:${m.line}${code === 'parse-error' ? '' : `:${m.column}`} ${code} ${m.severity}`
    }))
  const got = located(JSON.parse(linted.stdout), (m) => (m.fatal ? 'parse-error' : m.ruleId.replace(/^fixture-native\//, '')))
  const validated = await fixtureNative(['validate', '--config', 'broken.config.json', '--format', 'json'])
  assert.equal(validated.code, 1, validated.stderr)
  const expected = located(JSON.parse(validated.stdout), (m) => m.ruleId)
    // Whole-project findings are located in the schema, which ESLint does not lint.
    .filter((key) => !key.includes(' missing-factory '))
  assert.ok(expected.length > 50, `${expected.length} diagnostics`)
  assert.deepEqual(got.sort(), expected.sort())
})

test('npx eslint on the clean set: silent, exit 0', async () => {
  const linted = await eslint(['src', 'prisma'])
  assert.equal(linted.code, 0, linted.output)
  assert.equal(linted.output, '')
})

test('eslint --fix writes exactly what `validate --fix` writes', async () => {
  const byValidator = path.join(work, 'fixed-by-validate')
  for (const entry of ['prisma', 'src', 'broken', 'tsconfig.json', 'broken.config.json']) {
    await cp(path.join(project, entry), path.join(byValidator, entry), { recursive: true })
  }
  const validated = await fixtureNative(['validate', '--config', 'broken.config.json', '--fix'], byValidator)
  assert.equal(validated.code, 1, validated.output) // errors without a safe fix remain
  const before = new Map()
  for (const file of await tsFiles(path.join(project, 'broken'))) before.set(file, await readFile(path.join(project, 'broken', file), 'utf8'))

  const fixed = await eslint(['--fix', 'broken'])
  assert.equal(fixed.code, 1, fixed.stderr)
  let changed = 0
  for (const file of await tsFiles(path.join(project, 'broken'))) {
    const mine = await readFile(path.join(project, 'broken', file), 'utf8')
    assert.equal(mine, await readFile(path.join(byValidator, 'broken', file), 'utf8'), file)
    if (mine !== before.get(file)) changed += 1
  }
  assert.ok(changed >= 3, `${changed} files changed`)
  // A suggestion is not a fix: the unknown delegate is still there.
  assert.match(await readFile(path.join(project, 'broken/CreditAccountDbFactory.ts'), 'utf8'), /this\.prisma\.creditAccount;/)
})

test('the types: the plugin in eslint.config.mts and .cts against the installed package; a wrong setting is rejected', async () => {
  await writeFile(path.join(project, 'types-esm.mts'), `import fixtureNative, { configs, type FixtureNativeSettings } from '@vrooli/fixture-native/eslint'
import type { Linter } from 'eslint'
const settings: FixtureNativeSettings = { config: 'broken.config.json', rules: { 'unknown-field': 'off' } }
export const config: Linter.Config[] = [fixtureNative.configs.recommended, configs.recommended, { settings: { 'fixture-native': settings } }]
export const level: Linter.RuleSeverity = fixtureNative.configs.recommended.rules['fixture-native/unknown-field']
`)
  await writeFile(path.join(project, 'types-cjs.cts'), `import fixtureNative = require('@vrooli/fixture-native/eslint')
import type { Linter } from 'eslint'
const settings: fixtureNative.FixtureNativeSettings = { factories: ['broken'] }
const config: Linter.Config[] = [fixtureNative.configs.recommended, { settings: { 'fixture-native': settings } }]
export = config
`)
  await writeFile(path.join(project, 'types-wrong.mts'), `import type { FixtureNativeSettings } from '@vrooli/fixture-native/eslint'
export const settings: FixtureNativeSettings = { rules: { 'unknown-field': 'loud' } }
`)
  const tsconfig = (files) => JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files })
  await writeFile(path.join(project, 'tsconfig.types.json'), tsconfig(['types-esm.mts', 'types-cjs.cts']))
  await writeFile(path.join(project, 'tsconfig.types-wrong.json'), tsconfig(['types-wrong.mts']))
  const tsc = path.join(project, 'node_modules/typescript/bin/tsc')
  await mustRun(process.execPath, [tsc, '-p', 'tsconfig.types.json'], { cwd: project })
  const wrong = await run(process.execPath, [tsc, '-p', 'tsconfig.types-wrong.json'], { cwd: project })
  assert.notEqual(wrong.code, 0)
  assert.match(wrong.stdout, /types-wrong\.mts\(2,\d+\): error TS2322: Type '"loud"' is not assignable/)
})
