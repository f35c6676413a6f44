'use strict'
// The id API from CommonJS `require`, through the package name and its `/id` subpath.
const { test } = require('node:test')
const assert = require('node:assert/strict')

test('require() of the package and of /id gives working functions sharing one sequence', () => {
  const root = require('@vrooli/fixture-native')
  const id = require('@vrooli/fixture-native/id')
  for (const name of ['generatePK', 'generatePKs', 'initIdGenerator', 'configureIdGenerator', 'validatePK', 'decodePK', 'pkFromTimestamp', 'generatePublicId', 'validatePublicId', 'nanoid']) {
    assert.equal(typeof root[name], 'function', `root.${name}`)
    assert.equal(id[name], root[name], `/id ${name}`)
  }
  assert.equal(id.DUMMY_ID, '0')
  const a = root.generatePK()
  const b = id.generatePK()
  assert.equal(typeof a, 'bigint')
  assert.ok(b > a)
  assert.ok(id.validatePK(b))
  assert.ok(id.validatePK(b.toString()))
  assert.equal(id.decodePK(b).workerId, root.idGeneratorConfig().workerId)
})

test('initIdGenerator from CommonJS settles and applies', async () => {
  const { initIdGenerator, generatePK, decodePK } = require('@vrooli/fixture-native/id')
  await initIdGenerator(17)
  assert.equal(decodePK(generatePK()).workerId, 17)
  await assert.rejects(initIdGenerator(-3), RangeError)
})
