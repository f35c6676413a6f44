// Uniqueness across processes and threads with automatic instance ids, how the instance id is
// chosen from the environment, and leases of dead processes being reclaimed.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const probe = path.join(here, 'ids-probe.cjs')
const burst = path.join(here, 'ids-burst.cjs')
const ID_VARS = ['FIXTURE_NATIVE_WORKER_ID', 'FIXTURE_NATIVE_WORKER_RANGE', 'FIXTURE_NATIVE_LEASE_DIR', 'JEST_WORKER_ID', 'VITEST_POOL_ID', 'VITEST_WORKER_ID']

/** The parent's environment without any variable that picks an instance id, plus `extra`. */
function envWith(extra) {
  const env = { ...process.env }
  for (const name of ID_VARS) delete env[name]
  return { ...env, ...extra }
}

function runProbe(extra) {
  const r = spawnSync(process.execPath, [probe], { env: envWith(extra), encoding: 'utf8' })
  assert.equal(r.status, 0, r.stderr)
  return JSON.parse(r.stdout)
}

function runBurst(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [burst], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' })
    let message
    child.on('message', (m) => { message = m })
    child.on('error', reject)
    child.on('exit', (code) => (message && !message.error ? resolve(message) : reject(new Error(`burst process exited ${code}: ${message?.error}`))))
  })
}

test('4 processes x 2 worker_threads x 250,000 ids with workerId "auto": no duplicates, each thread increasing', async () => {
  const leaseDir = mkdtempSync(path.join(tmpdir(), 'fixture-native-ids-test-'))
  try {
    const env = envWith({ FIXTURE_NATIVE_WORKER_ID: 'auto', FIXTURE_NATIVE_LEASE_DIR: leaseDir, IDS_BURST_THREADS: '2', IDS_BURST_COUNT: '250000' })
    const processes = await Promise.all(Array.from({ length: 4 }, () => runBurst(env)))
    const instances = processes.map((p) => p.config.workerId)
    assert.equal(new Set(instances).size, 4, `instance ids ${instances} are not distinct`)
    for (const p of processes) assert.equal(p.config.source, 'lease')

    const all = new BigUint64Array(4 * 2 * 250_000)
    let offset = 0
    for (const [i, p] of processes.entries()) {
      assert.equal(p.results.length, 2)
      for (const { ids, increasing } of p.results) {
        assert.equal(ids.length, 250_000)
        assert.ok(increasing, `a thread of process ${i} issued a non-increasing id`)
        // Each id carries its process's leased instance id.
        assert.equal(Number((ids[0] >> 10n) & 4095n), p.config.workerId)
        assert.equal(Number((ids[ids.length - 1] >> 10n) & 4095n), p.config.workerId)
        all.set(ids, offset)
        offset += ids.length
      }
    }
    all.sort()
    let duplicates = 0
    for (let i = 1; i < all.length; i++) if (all[i] === all[i - 1]) duplicates++
    assert.equal(duplicates, 0)
  } finally {
    rmSync(leaseDir, { recursive: true, force: true })
  }
})

test('the instance id comes from the environment in the documented order', () => {
  const cases = [
    [{}, 1, 'default'],
    [{ JEST_WORKER_ID: '3' }, 3, 'environment'],
    [{ VITEST_POOL_ID: '2' }, 2, 'environment'],
    [{ FIXTURE_NATIVE_WORKER_ID: '77', JEST_WORKER_ID: '3' }, 77, 'environment'],
    [{ FIXTURE_NATIVE_WORKER_ID: '0' }, 0, 'environment'],
    [{ FIXTURE_NATIVE_WORKER_RANGE: '1024-2047', JEST_WORKER_ID: '2' }, 1025, 'environment'],
    [{ FIXTURE_NATIVE_WORKER_RANGE: '2048-3071' }, 2048, 'default'],
  ]
  for (const [env, workerId, source] of cases) {
    const r = runProbe(env)
    assert.ok(r.ok, `${JSON.stringify(env)}: ${r.message}`)
    assert.equal(r.config.workerId, workerId, JSON.stringify(env))
    assert.equal(r.config.source, source, JSON.stringify(env))
    assert.equal(r.decoded.workerId, workerId, 'the id carries the instance id')
  }
})

test('an unusable environment fails the first generatePK with a message naming the variable', () => {
  for (const [env, variable] of [
    [{ FIXTURE_NATIVE_WORKER_ID: 'abc' }, 'FIXTURE_NATIVE_WORKER_ID'],
    [{ FIXTURE_NATIVE_WORKER_ID: '4096' }, 'FIXTURE_NATIVE_WORKER_ID'],
    [{ FIXTURE_NATIVE_WORKER_RANGE: '9-3' }, 'FIXTURE_NATIVE_WORKER_RANGE'],
    [{ FIXTURE_NATIVE_WORKER_RANGE: '10-11', JEST_WORKER_ID: '3' }, 'JEST_WORKER_ID'],
  ]) {
    const r = runProbe(env)
    assert.equal(r.ok, false, JSON.stringify(env))
    // Not an argument problem, so neither RangeError nor TypeError.
    assert.equal(r.name, 'Error')
    assert.match(r.message, new RegExp(`environment variable ${variable}=`))
  }
})

test('"auto" leases are exclusive while held and reclaimed when the holder dies', async () => {
  const leaseDir = mkdtempSync(path.join(tmpdir(), 'fixture-native-ids-test-'))
  const env = envWith({ FIXTURE_NATIVE_WORKER_ID: 'auto', FIXTURE_NATIVE_WORKER_RANGE: '4000-4000', FIXTURE_NATIVE_LEASE_DIR: leaseDir })
  const holder = spawn(process.execPath, [probe, 'hold'], { env, stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    const line = await new Promise((resolve, reject) => {
      let text = ''
      holder.stdout.on('data', (chunk) => {
        text += chunk
        if (text.includes('\n')) resolve(text)
      })
      holder.on('exit', (code) => reject(new Error(`holder exited ${code}`)))
    })
    const held = JSON.parse(line)
    assert.ok(held.ok, held.message)
    assert.equal(held.config.workerId, 4000)
    assert.equal(path.dirname(held.config.leaseFile), leaseDir)

    const refused = JSON.parse(spawnSync(process.execPath, [probe], { env, encoding: 'utf8' }).stdout)
    assert.equal(refused.ok, false)
    assert.match(refused.message, /every instance id from 4000 to 4000 is leased by a live process/)

    const exited = new Promise((resolve) => holder.once('exit', resolve))
    holder.kill('SIGKILL')
    await exited
    const reclaimed = JSON.parse(spawnSync(process.execPath, [probe], { env, encoding: 'utf8' }).stdout)
    assert.ok(reclaimed.ok, reclaimed.message)
    assert.equal(reclaimed.config.workerId, 4000)
  } finally {
    holder.kill('SIGKILL')
    rmSync(leaseDir, { recursive: true, force: true })
  }
})
