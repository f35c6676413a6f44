// Compatibility oracle: the real nodejs-snowflake 2.0.1 (the generator Vrooli configures) must read
// our ids the way decodePK does, and build the same id for a timestamp as pkFromTimestamp.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { configureIdGenerator, decodePK, generatePK, generatePKs, pkFromTimestamp } from '../index.js'

const { Snowflake } = createRequire(import.meta.url)('nodejs-snowflake')
const VROOLI_EPOCH = 1609459200000

for (const { workerId, epoch } of [
  { workerId: 1, epoch: VROOLI_EPOCH },
  { workerId: 7, epoch: VROOLI_EPOCH },
  { workerId: 4095, epoch: VROOLI_EPOCH },
  { workerId: 0, epoch: 1234567890000 },
]) {
  test(`instance ${workerId}, epoch ${epoch}: nodejs-snowflake decodes our ids as decodePK does`, () => {
    configureIdGenerator({ workerId, epoch })
    const ids = [...Array.from({ length: 2000 }, () => generatePK()), ...generatePKs(3000)]
    for (const id of ids) {
      const ours = decodePK(id)
      assert.equal(Snowflake.timestampFromID(id, epoch), ours.timestamp, `timestamp of ${id}`)
      assert.equal(Snowflake.instanceIDFromID(id), workerId, `instance of ${id}`)
      assert.equal(ours.workerId, workerId)
    }
  })

  test(`instance ${workerId}, epoch ${epoch}: pkFromTimestamp equals idFromTimestamp`, () => {
    configureIdGenerator({ workerId, epoch })
    const theirs = new Snowflake({ instance_id: workerId, custom_epoch: epoch })
    const now = Date.now()
    for (const t of [epoch, epoch + 1, VROOLI_EPOCH + 123_456_789, now, now + 86_400_000, epoch + 2 ** 41 + 12345]) {
      assert.equal(pkFromTimestamp(t), theirs.idFromTimestamp(t), `t = ${t}`)
    }
    theirs.free()
  })

  test(`instance ${workerId}, epoch ${epoch}: decodePK reads ids nodejs-snowflake generated`, () => {
    configureIdGenerator({ workerId, epoch })
    const theirs = new Snowflake({ instance_id: workerId, custom_epoch: epoch })
    for (let i = 0; i < 2000; i++) {
      const id = theirs.getUniqueID()
      const ours = decodePK(id)
      assert.equal(ours.timestamp, Snowflake.timestampFromID(id, epoch))
      assert.equal(ours.workerId, Snowflake.instanceIDFromID(id))
      assert.equal(BigInt(ours.sequence), id & 1023n)
    }
    theirs.free()
  })
}
