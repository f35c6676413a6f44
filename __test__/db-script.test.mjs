// scripts/db.sh's command line (its start and stop run in .ci/run around every test; a cycle here
// would stop the cluster the other tests use).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('../scripts/db.sh', import.meta.url))
const run = (...args) => spawnSync('bash', [script, ...args], { encoding: 'utf8' })

test('--help lists the commands and exits 0; an unknown command is a usage error (exit 2)', () => {
  const help = run('--help')
  assert.equal(help.status, 0)
  for (const command of ['start', 'stop', 'url', 'env', 'status', 'install']) assert.match(help.stdout, new RegExp(`scripts/db\\.sh ${command}\\b`))
  const bad = run('launch')
  assert.equal(bad.status, 2)
  assert.match(bad.stderr, /scripts\/db\.sh start/)
  assert.equal(bad.stdout, '')
})

test('url and env agree with status: the running cluster, or exit 1 with what to do', () => {
  const status = run('status')
  const url = run('url')
  const env = run('env')
  if (status.status === 0) {
    assert.match(url.stdout.trim(), /^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/)
    assert.equal(env.stdout.trim(), `export DATABASE_URL=${url.stdout.trim()}`)
  } else {
    assert.equal(url.status, 1)
    assert.match(url.stderr, /start one with scripts\/db\.sh start/)
    assert.equal(env.status, 1)
  }
})
