import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const bin = fileURLToPath(new URL('../bin/fixture-native.js', import.meta.url))
const run = (...args) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' })

test('--help lists the commands and exits 0', () => {
  const r = run('--help')
  assert.equal(r.status, 0)
  for (const cmd of ['validate', 'typemap', 'id']) assert.match(r.stdout, new RegExp(`\\b${cmd}\\b`))
})

test('an unknown command is a usage error: exit 2 with a message on stderr', () => {
  const r = run('no-such-command')
  assert.equal(r.status, 2)
  assert.equal(r.stdout, '')
  assert.match(r.stderr, /unrecognized subcommand 'no-such-command'/)
})
