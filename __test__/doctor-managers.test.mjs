// The layouts crates/doctor/tests/workspaces.rs builds by hand (__test__/fixtures/doctor/layouts.json)
// against the real package managers: the clean twin installed by npm, yarn 1 and pnpm (isolated
// and hoisted), offline, from the twin's own packages and two local stand-ins packed here (no
// registry fetch, no install script). Each puts the workspace link and @prisma/client where
// layouts.json says; doctor, from the root and from packages/server, gives the same findings,
// looks for the client where Node would load it, and names the fix in that manager's words.

import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { doctor } from '../index.js'
import { twins } from './support/doctor-workspace.mjs'

const require = createRequire(import.meta.url)
const layouts = JSON.parse(readFileSync(path.join(twins, 'layouts.json'), 'utf8'))
// The bins as their package.json `bin` names them (pnpm's `exports` hides its files from require.resolve).
const binOf = (name) => {
  const manifest = require.resolve.paths(name).map((d) => path.join(d, name, 'package.json')).find(existsSync)
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'))
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin[name])
}
const bins = { pnpm: binOf('pnpm'), yarn: binOf('yarn') }
const made = []
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })))

const filesUnder = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)])

function run(cmd, args, cwd, env = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, HOME: path.join(cwd, '.home'), ...env } })
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}:\n${r.stdout}${r.stderr}`)
  return r
}

/** A stand-in package packed as a registry tarball would be (npm installs a folder as a link). */
function pack(dir, manifest) {
  const src = path.join(dir, '.stand-in', manifest.name.replace('/', '-'))
  mkdirSync(src, { recursive: true })
  writeFileSync(path.join(src, 'package.json'), JSON.stringify(manifest))
  const out = run('npm', ['pack', src, '--pack-destination', path.join(dir, 'vendor'), '--silent', '--offline', '--cache', path.join(dir, '.npm-cache')], dir)
  return `file:../../vendor/${out.stdout.trim().split('\n').pop()}`
}

/** The clean twin installed by `manager` ('npm' | 'yarn' | 'pnpm-isolated' | 'pnpm-hoisted'). */
function install(manager) {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), `fixture-native-${manager}-`)))
  made.push(dir)
  cpSync(path.join(twins, 'clean'), dir, { recursive: true })
  mkdirSync(path.join(dir, 'vendor'))
  const pnpm = manager.startsWith('pnpm')
  const server = path.join(dir, 'packages', 'server', 'package.json')
  const manifest = JSON.parse(readFileSync(server, 'utf8'))
  manifest.dependencies = {
    '@fx/shared': pnpm ? 'workspace:*' : '*',
    '@prisma/client': pack(dir, { name: '@prisma/client', version: '7.10.0', main: 'default.js' }),
  }
  manifest.devDependencies = {
    '@vrooli/fixture-native': pack(dir, { name: '@vrooli/fixture-native', version: '0.1.0', exports: { '.': './index.js', './id': './id.js', './jest': './jest.js', './vitest': './vitest.js', './package.json': './package.json' } }),
  }
  writeFileSync(server, JSON.stringify(manifest, null, 2))
  const offline = ['--offline', '--ignore-scripts']
  if (manager === 'npm') run('npm', ['install', ...offline, '--no-audit', '--no-fund', '--cache', path.join(dir, '.npm-cache')], dir)
  if (manager === 'yarn') run(process.execPath, [bins.yarn, 'install', ...offline, '--non-interactive', '--cache-folder', path.join(dir, '.yarn-cache')], dir)
  if (pnpm) {
    writeFileSync(path.join(dir, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n')
    if (layouts[manager].npmrc) writeFileSync(path.join(dir, '.npmrc'), layouts[manager].npmrc)
    run(process.execPath, [bins.pnpm, 'install', ...offline, '--store-dir', path.join(dir, '.pnpm-store')], dir)
  }
  // Build output newer than its sources, as after a build.
  const now = Date.now() / 1000
  for (const f of filesUnder(path.join(dir, 'packages', 'shared', 'src'))) utimesSync(f, now - 600, now - 600)
  for (const f of filesUnder(path.join(dir, 'packages', 'shared', 'dist'))) utimesSync(f, now - 300, now - 300)
  return dir
}

/** Whether `rel` (a path below `dir`) matches the layouts.json `pattern` (`*`: one folder name). */
function matches(pattern, rel) {
  const a = pattern.split('/')
  const b = rel.split(path.sep)
  return a.length === b.length && a.every((s, i) => s === '*' || s === b[i])
}

const words = {
  npm: 'npm run db:generate -w @fx/server',
  yarn: 'yarn workspace @fx/server db:generate',
  'pnpm-isolated': 'pnpm --filter @fx/server run db:generate',
  'pnpm-hoisted': 'pnpm --filter @fx/server run db:generate',
}

for (const manager of Object.keys(layouts).filter((k) => !k.startsWith('$'))) {
  test(`${manager}: the real install agrees with layouts.json, and doctor with it`, () => {
    const layout = layouts[manager]
    const dir = install(manager)
    const rel = (p) => path.relative(dir, p)
    assert.ok(existsSync(path.join(dir, layout.lockfile)), `${manager} wrote ${layout.lockfile}`)
    // The workspace link.
    const link = path.join(dir, layout.workspaceLink)
    assert.ok(lstatSync(link).isSymbolicLink(), `${layout.workspaceLink} is a link`)
    assert.equal(realpathSync(link), path.join(dir, 'packages', 'shared'))
    // @prisma/client and the installed fixture-native, as Node resolves them from the server.
    const fromServer = createRequire(path.join(dir, 'packages', 'server', 'src', 'index.ts'))
    for (const [key, name] of [['prismaClient', '@prisma/client'], ['fixtureNative', '@vrooli/fixture-native']]) {
      const real = path.dirname(realpathSync(fromServer.resolve(`${name}/package.json`)))
      assert.ok(matches(layout[key], rel(real)), `${name} at ${rel(real)}, layouts.json says ${layout[key]}`)
      if (layout[`${key}Link`]) assert.ok(lstatSync(path.join(dir, layout[`${key}Link`])).isSymbolicLink(), `${layout[`${key}Link`]} is a link`)
    }
    const clientReal = path.dirname(realpathSync(fromServer.resolve('@prisma/client/package.json')))

    // The twin's prisma-client generator made prisma-client-js without output: doctor looks for
    // the client beside the installed @prisma/client, where `require('.prisma/client')` from it lands.
    const schema = path.join(dir, 'packages', 'server', 'prisma', 'schema.prisma')
    const text = readFileSync(schema, 'utf8').replace('provider = "prisma-client"\n  output   = "../src/generated/prisma"', 'provider = "prisma-client-js"')
    writeFileSync(schema, text)
    const fromRoot = doctor({ root: dir })
    const fromPackage = doctor({ root: path.join(dir, 'packages', 'server') })
    assert.deepEqual(fromPackage.findings, fromRoot.findings)
    assert.equal(fromPackage.root, dir)
    assert.deepEqual(fromRoot.findings.map((f) => [f.code, f.fix]), [['prisma-client-missing', `run \`${words[manager]}\``]])
    const output = path.join(path.dirname(path.dirname(clientReal)), '.prisma', 'client')
    assert.equal(fromRoot.prismaClients[0].output, rel(output))
    // The client Prisma would write there (its inlineSchema): current, from anywhere.
    mkdirSync(output, { recursive: true })
    writeFileSync(path.join(output, 'index.js'), `const config = {\n  "inlineSchema": ${JSON.stringify(text)},\n}\n`)
    assert.equal(createRequire(path.join(clientReal, 'default.js')).resolve('.prisma/client'), path.join(output, 'index.js'))
    for (const root of [dir, path.join(dir, 'packages', 'server', 'src')]) {
      const r = doctor({ root })
      assert.deepEqual(r.findings, [], JSON.stringify(r.findings, null, 2))
      assert.equal(r.prismaClients[0].fresh, true)
    }
  })
}
