// The id API from ESM: shapes, ordering, configuration, argument errors, and the validatePK /
// validatePublicId tables (every case @vrooli/shared's tests cover, plus a differential check
// of validatePK against V8's own BigInt parser).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as root from '../index.js'
import * as subpath from '@vrooli/fixture-native/id'
import {
  DUMMY_ID,
  configureIdGenerator,
  decodePK,
  generatePK,
  generatePKs,
  generatePublicId,
  idGeneratorConfig,
  initIdGenerator,
  nanoid,
  pkFromTimestamp,
  validatePK,
  validatePublicId,
} from '../index.js'

const EPOCH = 1609459200000
const U64_MAX = 2n ** 64n - 1n
const ID_NAMES = [
  'generatePK', 'generatePKs', 'initIdGenerator', 'configureIdGenerator', 'idGeneratorConfig', 'validatePK',
  'decodePK', 'pkFromTimestamp', 'DUMMY_ID', 'generatePublicId', 'validatePublicId', 'nanoid',
]

// Reads the fields with bit arithmetic on the bigint, independently of decodePK.
const fields = (id) => ({ ms: Number(id >> 22n), worker: Number((id >> 10n) & 4095n), sequence: Number(id & 1023n) })

test('the subpath exports the same functions as the root, every name present', () => {
  for (const name of ID_NAMES) {
    assert.notEqual(root[name], undefined, `root is missing ${name}`)
    assert.equal(subpath[name], root[name], `@vrooli/fixture-native/id ${name} differs from the root's`)
  }
})

test('generatePK returns increasing positive bigints that carry the clock and the instance id', () => {
  configureIdGenerator({ workerId: 9 })
  const before = Date.now()
  const ids = Array.from({ length: 5000 }, () => generatePK())
  const after = Date.now()
  for (let i = 0; i < ids.length; i++) {
    assert.equal(typeof ids[i], 'bigint')
    assert.ok(ids[i] > 0n && ids[i] <= U64_MAX)
    if (i > 0) assert.ok(ids[i] > ids[i - 1], `id ${i} is not above id ${i - 1}`)
    const f = fields(ids[i])
    assert.equal(f.worker, 9)
    assert.ok(f.ms + EPOCH >= before && f.ms + EPOCH <= after, `timestamp ${f.ms + EPOCH} outside [${before}, ${after}]`)
  }
  assert.equal(new Set(ids).size, ids.length)
})

test('over 300 ms of calls at varying pace, no id is stamped with a millisecond before the call or after it', async () => {
  // The addon re-reads the wall clock only when its counter says the millisecond may have ended;
  // this brackets every id by Date.now() on both sides, across hundreds of millisecond boundaries.
  configureIdGenerator({ workerId: 10 })
  const until = Date.now() + 300
  let checked = 0
  while (Date.now() < until) {
    const calls = 1 + Math.floor(Math.random() * 200)
    for (let i = 0; i < calls; i++) {
      const before = Date.now()
      const stamped = fields(generatePK()).ms + EPOCH
      const after = Date.now()
      if (stamped < before || stamped > after) assert.fail(`id stamped ${stamped}, called between ${before} and ${after}`)
      checked++
    }
    if (Math.random() < 0.3) await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3)))
  }
  assert.ok(checked > 1000)
})

test('more than 1024 ids in a millisecond roll to the next millisecond instead of repeating', () => {
  configureIdGenerator({ workerId: 3 })
  const ids = generatePKs(5000)
  const perMs = new Map()
  for (const id of ids) {
    const f = fields(id)
    perMs.set(f.ms, (perMs.get(f.ms) ?? 0) + 1)
    assert.ok(f.sequence <= 1023)
  }
  for (const [ms, n] of perMs) assert.ok(n <= 1024, `${n} ids in millisecond ${ms}`)
  assert.ok(perMs.size >= 5, '5000 ids need at least five milliseconds')
})

test('generatePKs returns a BigUint64Array continuing the same sequence as generatePK', () => {
  const first = generatePK()
  const batch = generatePKs(1000)
  const last = generatePK()
  assert.ok(batch instanceof BigUint64Array)
  assert.equal(batch.length, 1000)
  assert.ok(batch[0] > first)
  for (let i = 1; i < batch.length; i++) assert.ok(batch[i] > batch[i - 1])
  assert.ok(last > batch[999])
  assert.equal(generatePKs(0).length, 0)
})

test('decodePK reads bigint and string ids with the configured epoch', () => {
  configureIdGenerator({ workerId: 12 })
  const id = generatePK()
  const f = fields(id)
  assert.deepEqual({ ...decodePK(id) }, { timestamp: f.ms + EPOCH, workerId: 12, sequence: f.sequence })
  assert.deepEqual({ ...decodePK(id.toString()) }, { ...decodePK(id) })
  const made = (5000n << 22n) | (4095n << 10n) | 1023n
  assert.deepEqual({ ...decodePK(made) }, { timestamp: EPOCH + 5000, workerId: 4095, sequence: 1023 })
  assert.deepEqual({ ...decodePK('0x' + made.toString(16)) }, { timestamp: EPOCH + 5000, workerId: 4095, sequence: 1023 })
})

test('pkFromTimestamp is the smallest id of that millisecond for this instance', () => {
  configureIdGenerator({ workerId: 21 })
  assert.equal(pkFromTimestamp(EPOCH), 21n << 10n)
  const id = generatePK()
  const floor = pkFromTimestamp(decodePK(id).timestamp)
  assert.ok(floor <= id && id - floor < 1024n)
  assert.equal(fields(floor).sequence, 0)
})

test('initIdGenerator returns a promise, configures before it settles, and rejects on bad arguments', async () => {
  const pending = initIdGenerator(5, 1234567890000)
  assert.ok(pending instanceof Promise)
  assert.equal(await pending, undefined)
  assert.deepEqual({ ...idGeneratorConfig() }, { workerId: 5, epoch: 1234567890000, source: 'argument' })
  const id = generatePK()
  assert.equal(decodePK(id).workerId, 5)
  assert.ok(Math.abs(decodePK(id).timestamp - Date.now()) < 5000, 'decoded with the configured epoch')

  await assert.rejects(initIdGenerator(4096), { name: 'RangeError', code: 'ERR_OUT_OF_RANGE', message: /integer from 0 to 4095 or "auto"; got 4096/ })
  await assert.rejects(initIdGenerator('seven'), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE', message: /"auto"; got "seven"/ })
  await assert.rejects(initIdGenerator(1, Date.now() + 60_000), { name: 'RangeError', message: /epoch must be an integer number of Unix milliseconds from 0 \(1970\) to now/ })
  assert.equal(idGeneratorConfig().workerId, 5, 'a rejected call changes nothing')

  await initIdGenerator(2, EPOCH)
  const after = generatePK()
  assert.ok(after > id, 'ids keep increasing across reconfiguration')
  assert.equal(decodePK(after).workerId, 2)
})

test('configureIdGenerator is the synchronous twin and returns the configuration in force', () => {
  const config = configureIdGenerator({ workerId: 4095, epoch: EPOCH })
  assert.deepEqual({ ...config }, { workerId: 4095, epoch: EPOCH, source: 'argument' })
  assert.equal(decodePK(generatePK()).workerId, 4095)
  const zero = configureIdGenerator({ workerId: 0 })
  assert.equal(zero.workerId, 0)
  assert.equal(decodePK(generatePK()).workerId, 0)
})

test('bad arguments throw RangeError or TypeError saying what is allowed', () => {
  const range = (fn, message) => assert.throws(fn, (e) => e instanceof RangeError && e.code === 'ERR_OUT_OF_RANGE' && message.test(e.message), String(fn))
  const type = (fn, message) => assert.throws(fn, (e) => e instanceof TypeError && e.code === 'ERR_INVALID_ARG_TYPE' && message.test(e.message), String(fn))
  const worker = /workerId must be an integer from 0 to 4095 or "auto"; got /
  range(() => configureIdGenerator({ workerId: -1 }), worker)
  range(() => configureIdGenerator({ workerId: 4096 }), worker)
  range(() => configureIdGenerator({ workerId: 1.5 }), /got 1\.5$/)
  range(() => configureIdGenerator({ workerId: NaN }), /got NaN$/)
  type(() => configureIdGenerator({ workerId: '3' }), /workerId must be a number .* or the string "auto"; got "3"/)
  type(() => configureIdGenerator({ workerId: 3n }), /got a bigint/)
  type(() => configureIdGenerator(7), /options must be an object/)
  range(() => configureIdGenerator({ epoch: -1 }), /epoch must be .* from 0 \(1970\) to now \(\d+\); got -1/)
  range(() => configureIdGenerator({ epoch: Date.now() + 86_400_000 }), /epoch must be/)
  range(() => configureIdGenerator({ epoch: 1.25 }), /epoch must be/)
  type(() => configureIdGenerator({ epoch: '2021' }), /epoch must be a number/)
  range(() => generatePKs(-1), /count must be an integer from 0 to 10000000; got -1/)
  range(() => generatePKs(10_000_001), /count must be an integer from 0 to 10000000/)
  range(() => generatePKs(2.5), /got 2\.5/)
  type(() => generatePKs('10'), /count must be a number/)
  type(() => generatePKs(), /count must be a number .*; got undefined/)
  range(() => decodePK(0n), /from 1 to 18446744073709551615 \(2\^64-1\); got 0n/)
  range(() => decodePK(2n ** 64n), /got 18446744073709551616n/)
  range(() => decodePK(-5n), /got -5n/)
  range(() => decodePK('abc'), /got "abc"/)
  type(() => decodePK(5), /id must be a bigint or a string; got a number/)
  type(() => decodePK(null), /got null/)
  range(() => pkFromTimestamp(EPOCH - 1), /unixMs must be an integer from 1609459200000 \(the epoch\)/)
  range(() => pkFromTimestamp(EPOCH + 2 ** 42), /unixMs must be/)
  type(() => pkFromTimestamp(new Date()), /unixMs must be a number/)
  range(() => generatePublicId(0), /length must be an integer from 1 to 1024; got 0/)
  range(() => generatePublicId(1025), /length must be/)
  type(() => generatePublicId('12'), /length must be a number/)
  // Nothing above changed the configuration.
  const config = configureIdGenerator({ workerId: 44 })
  assert.throws(() => configureIdGenerator({ workerId: 44, epoch: -5 }), RangeError)
  assert.deepEqual({ ...idGeneratorConfig() }, { ...config })
})

test('validatePK: every case @vrooli/shared tests', () => {
  const fresh = generatePK()
  const valid = [
    fresh, fresh.toString(), U64_MAX, U64_MAX.toString(), 1n, '1', 1000000000n, '1000000000', '123',
    '999999999999999999', '123\n', ' 123 ', '\t789\t', '0x123', '0xFF', '0o377', '0b1111', '255', '15',
    '18446744073709551615',
  ]
  const invalid = [
    'abc', '-123', '', '18446744073709551616', null, undefined, 123, {}, 2n ** 64n, (2n ** 64n).toString(),
    0n, '0', -1n, '-1', '123abc', '12.34', '1e10', 'Infinity', 'NaN', ' ', true, false, [], new Date(),
    Symbol('test'), '0x0', '123.456', '123e5', '-Infinity', '0x', '0b', '0o', '9'.repeat(100),
  ]
  for (const v of valid) assert.equal(validatePK(v), true, `validatePK(${typeof v === 'string' ? JSON.stringify(v) : String(v)})`)
  for (const v of invalid) assert.equal(validatePK(v), false, `validatePK(${typeof v === 'string' ? JSON.stringify(v) : String(v)})`)
  assert.equal(validatePK(), false)
})

test('validatePK agrees with V8 BigInt() on thousands of generated strings', () => {
  // The rule @vrooli/shared states: a string BigInt() accepts, with a value in 1..2^64-1.
  const byV8 = (text) => {
    try {
      const value = BigInt(text)
      return value > 0n && value <= U64_MAX
    } catch {
      return false
    }
  }
  const pads = ['', ' ', '\t', '\n', '\u00a0', '\ufeff', '\u2028', '\u3000', '\u0085', '\u200b', 'x']
  const signs = ['', '+', '-', '--']
  const prefixes = ['', '0x', '0X', '0o', '0O', '0b', '0B', '0']
  const bodies = [
    '', '0', '1', '7', '10', '123', '255', 'ff', 'FF', 'g', '777', '8', '102', '1_0', '1.0', '1e3', '00',
    '18446744073709551615', '18446744073709551616', '1777777777777777777777', '2000000000000000000000',
    'ffffffffffffffff', '10000000000000000', '9'.repeat(30), 'Infinity', '１２',
  ]
  let checked = 0
  for (const lead of pads) for (const sign of signs) for (const prefix of prefixes) for (const body of bodies) for (const tail of pads) {
    const text = lead + sign + prefix + body + tail
    assert.equal(validatePK(text), byV8(text), `validatePK(${JSON.stringify(text)})`)
    checked++
  }
  assert.ok(checked > 50_000)
})

test('validatePublicId: every case @vrooli/shared tests', () => {
  const valid = [generatePublicId(), generatePublicId(10), generatePublicId(11), nanoid(), 'abcdefghij', '0123456789ab']
  const invalid = ['ABC', '123456789', '1234567890123', 'abcd!123456', '', null, undefined, 123, {}, 'ABCDEFGHIJ', 'abcdefghi-', 'abcdefghijé']
  for (const v of valid) assert.equal(validatePublicId(v), true, JSON.stringify(v))
  for (const v of invalid) assert.equal(validatePublicId(v), false, JSON.stringify(v))
})

test('generatePublicId and nanoid draw 0-9a-z of the asked length without repeats in 10,000', () => {
  assert.equal(generatePublicId().length, 12)
  assert.equal(generatePublicId(10).length, 10)
  assert.equal(generatePublicId(null).length, 12)
  assert.match(generatePublicId(1024), /^[0-9a-z]{1024}$/)
  const seen = new Set()
  for (let i = 0; i < 10_000; i++) seen.add(generatePublicId())
  assert.equal(seen.size, 10_000)
  const n = nanoid()
  assert.match(n, /^[0-9a-z]{12}$/)
  // Every character of the alphabet turns up (a stuck or biased source would miss some).
  const pool = generatePublicId(1024) + generatePublicId(1024)
  for (const c of '0123456789abcdefghijklmnopqrstuvwxyz') assert.ok(pool.includes(c), `never drew ${c}`)
})

test('DUMMY_ID is the string "0", which validatePK rejects', () => {
  assert.equal(DUMMY_ID, '0')
  assert.equal(validatePK(DUMMY_ID), false)
})
