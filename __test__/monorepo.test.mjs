// `fixture-native validate` in a workspace as its engineers run it: the README's CI step from the
// workspace root, annotations relative to the repository root from inside a package, changed
// files passed as arguments (lint-staged), and Next.js-style folders that look like globs.

import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { validateFactories } from '../index.js'

const bin = fileURLToPath(new URL('../bin/fixture-native.js', import.meta.url))
const examples = fileURLToPath(new URL('../examples/', import.meta.url))
const made = []
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })))

const server = 'packages/server'
const tagFixtures = `${server}/src/fixtures/db/tagFixtures.ts`
const userFixtures = `${server}/src/fixtures/db/userFixtures.ts`

/** A git checkout of a workspace whose `packages/server` is the bundled clean example with one fault. */
function workspace({ pnpm = false, config = true } = {}) {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'fixture-native-monorepo-')))
  made.push(root)
  mkdirSync(path.join(root, '.git'))
  writeFileSync(path.join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n')
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'ws', private: true, workspaces: ['packages/*'] }, null, 2))
  if (pnpm) writeFileSync(path.join(root, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n')
  const dir = path.join(root, server)
  mkdirSync(dir, { recursive: true })
  for (const part of ['prisma', 'src', 'tsconfig.json']) cpSync(path.join(examples, part), path.join(dir, part), { recursive: true })
  if (config) cpSync(path.join(examples, 'fixture-native.config.json'), path.join(dir, 'fixture-native.config.json'))
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: '@ws/server', private: true, type: 'module' }, null, 2))
  // One fault: a field the tag model lacks.
  const file = path.join(root, tagFixtures)
  writeFileSync(file, readFileSync(file, 'utf8').replace('    tag: "minimal",\n', '    tag: "minimal",\n    colour: "red",\n'))
  mkdirSync(path.join(root, 'packages', 'docs'))
  writeFileSync(path.join(root, 'packages', 'docs', 'package.json'), '{ "name": "@ws/docs" }\n')
  return root
}

function cli(cwd, args, env = {}) {
  const base = { ...process.env }
  delete base.GITHUB_WORKSPACE
  return spawnSync(process.execPath, [bin, 'validate', ...args], { cwd, encoding: 'utf8', env: { ...base, ...env } })
}

const annotations = (out) => out.split('\n').filter((l) => l.startsWith('::'))

test("the README's CI step runs as written from the workspace root (npm and pnpm workspaces)", () => {
  for (const pnpm of [false, true]) {
    const root = workspace({ pnpm })
    const r = cli(root, ['--format', 'github'])
    assert.equal(r.status, 1, r.stderr)
    const lines = annotations(r.stdout)
    assert.equal(lines.length, 1, r.stdout)
    assert.match(lines[0], new RegExp(`^::error file=${tagFixtures.replace(/\//g, '\\/')},line=9,col=5,.*title=unknown-field::`))
  }
})

test('--fix-dry-run from the workspace root runs in each package with a config', () => {
  const root = workspace()
  const r = cli(root, ['--fix-dry-run'])
  assert.equal(r.status, 1, r.stderr)
  assert.doesNotMatch(r.stderr, /No Prisma schema found/)
  assert.match(r.stderr, /^Would fix \d+ problems? in \d+ files?\.$/m)
})

test('a workspace root where no package has a config says in one line what to pass', () => {
  const root = workspace({ config: false })
  const r = cli(root, ['--format', 'github'])
  assert.equal(r.status, 2)
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr)
  assert.match(r.stderr, /is a workspace root.*fixture-native\.config\.json to packages\/server .*--config packages\/server\/fixture-native\.config\.json/)
})

test('annotations are relative to the repository root when run from a package', () => {
  const root = workspace()
  const dir = path.join(root, server)
  const expected = `::error file=${tagFixtures},line=9,col=5,`
  // The git top level.
  const fromGit = annotations(cli(dir, ['--format', 'github']).stdout)
  assert.ok(fromGit[0].startsWith(expected), fromGit[0])
  // GITHUB_WORKSPACE wins (here the same folder, reached from a package).
  const fromEnv = annotations(cli(dir, ['--format', 'github'], { GITHUB_WORKSPACE: root }).stdout)
  assert.ok(fromEnv[0].startsWith(expected), fromEnv[0])
  // Pretty output stays relative to the working directory, as before.
  assert.match(cli(dir, []).stdout, /^src\/fixtures\/db\/tagFixtures\.ts:9:5 - error unknown-field/m)
})

test('files as arguments: each checked with its project, only they are reported (lint-staged)', () => {
  const root = workspace()
  const broken = cli(root, [tagFixtures, '--format', 'json'])
  assert.equal(broken.status, 1, broken.stderr)
  const files = JSON.parse(broken.stdout)
  assert.deepEqual(files.filter((f) => f.messages.length).map((f) => path.relative(root, f.filePath)), [tagFixtures])
  assert.deepEqual(files.flatMap((f) => f.messages.map((m) => m.ruleId)), ['unknown-field'])
  // A clean file alone: nothing to report, though the project has a fault elsewhere.
  const clean = cli(root, [userFixtures])
  assert.equal(clean.status, 0, clean.stdout + clean.stderr)
  assert.match(clean.stdout, /No problems found/)
  // Absolute paths (lint-staged's), from inside the package.
  const abs = cli(path.join(root, server), [path.join(root, userFixtures), path.join(root, tagFixtures), '--format', 'github'])
  assert.equal(abs.status, 1)
  assert.equal(annotations(abs.stdout).length, 1, abs.stdout)
  // Other staged files (lint-staged's broad patterns) are not factories: passed over.
  writeFileSync(path.join(root, 'README.md'), '# ws\n')
  const withReadme = cli(root, ['README.md', tagFixtures, '--format', 'github'])
  assert.equal(withReadme.status, 1)
  assert.equal(annotations(withReadme.stdout).length, 1, withReadme.stdout)
  const onlyReadme = cli(root, ['README.md', `${server}/package.json`])
  assert.equal(onlyReadme.status, 0, onlyReadme.stderr)
  assert.match(onlyReadme.stderr, /no TypeScript source among the files given/)
  const missing = cli(root, [`${server}/src/fixtures/db/nope.ts`])
  assert.equal(missing.status, 2)
  assert.match(missing.stderr, /nope\.ts: no such file/)
})

test('paths that look like globs are taken literally when they exist', () => {
  const root = workspace()
  const folder = path.join(root, server, 'src', 'fixtures', '(admin)', '[id]')
  mkdirSync(folder, { recursive: true })
  const route = path.join(folder, 'routeFixtures.ts')
  writeFileSync(route, readFileSync(path.join(root, tagFixtures), 'utf8').replaceAll('./ids.js', '../../db/ids.js'))
  const relative = path.relative(root, route)
  const r = cli(root, [relative, '--format', 'json'])
  assert.equal(r.status, 1, r.stderr)
  assert.deepEqual(JSON.parse(r.stdout).flatMap((f) => f.messages.map((m) => `${path.relative(root, f.filePath)} ${m.ruleId}`)), [`${relative} unknown-field`])
  const report = validateFactories({ cwd: path.join(root, server), factories: ['src/fixtures/(admin)/[id]', 'src/fixtures/db'] })
  assert.ok(report.diagnostics.some((d) => d.file === route && d.code === 'unknown-field'), JSON.stringify(report.diagnostics.map((d) => d.file)))
})
