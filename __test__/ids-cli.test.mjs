// `fixture-native id`: prints ids and their parts; nodejs-snowflake reads the same parts.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const { Snowflake } = createRequire(import.meta.url)('nodejs-snowflake')
const bin = fileURLToPath(new URL('../bin/fixture-native.js', import.meta.url))
const run = (...args) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' })
const EPOCH = 1609459200000

test('id --count 3 --worker-id 7 --json: three increasing ids whose parts nodejs-snowflake agrees with', () => {
  const before = Date.now()
  const r = run('id', '--count', '3', '--worker-id', '7', '--json')
  const after = Date.now()
  assert.equal(r.status, 0, r.stderr)
  const rows = JSON.parse(r.stdout)
  assert.equal(rows.length, 3)
  const ids = rows.map((row) => BigInt(row.id))
  assert.ok(ids[0] < ids[1] && ids[1] < ids[2])
  for (const [i, row] of rows.entries()) {
    assert.equal(row.workerId, 7)
    assert.equal(Snowflake.instanceIDFromID(ids[i]), 7)
    assert.equal(row.timestamp, Snowflake.timestampFromID(ids[i], EPOCH))
    assert.ok(row.timestamp >= before && row.timestamp <= after)
    assert.equal(row.iso, new Date(row.timestamp).toISOString())
  }
})

test('id --decode prints a table row per id', () => {
  const id = (1000n << 22n) | (4095n << 10n) | 1023n
  const r = run('id', '--decode', id.toString(), '--decode', '0x' + id.toString(16))
  assert.equal(r.status, 0, r.stderr)
  const lines = r.stdout.trim().split('\n')
  assert.match(lines[0], /^id\s+timestamp \(UTC\)\s+worker\s+sequence$/)
  assert.equal(lines.length, 3)
  for (const line of lines.slice(1)) {
    assert.deepEqual(line.trim().split(/\s+/), [id.toString(), new Date(EPOCH + 1000).toISOString(), '4095', '1023'])
  }
})

test('bad input is a usage error (exit 2) saying what is allowed', () => {
  for (const [args, message] of [
    [['id', '--decode', 'abc'], /from 1 to 18446744073709551615/],
    [['id', '--worker-id', '4096'], /integer from 0 to 4095 or "auto"/],
    [['id', '--count', '-1'], /unexpected argument|invalid value/],
  ]) {
    const r = run(...args)
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}`)
    assert.equal(r.stdout, '')
    assert.match(r.stderr, message)
  }
})
