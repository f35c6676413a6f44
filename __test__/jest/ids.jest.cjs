'use strict'
// Real Jest: the instance id follows JEST_WORKER_ID, and jest.resetModules() / isolateModules()
// (which re-evaluate the package) continue the process's one sequence.
const idVarsUnset = !process.env.FIXTURE_NATIVE_WORKER_ID && !process.env.FIXTURE_NATIVE_WORKER_RANGE

test('the instance id is derived from JEST_WORKER_ID', () => {
  const { idGeneratorConfig, generatePK, decodePK } = require('../../index.js')
  expect(process.env.JEST_WORKER_ID).toMatch(/^[1-9][0-9]*$/)
  if (!idVarsUnset) return // an explicit FIXTURE_NATIVE_* variable takes precedence by design
  const config = idGeneratorConfig()
  expect(config).toEqual({ workerId: Number(process.env.JEST_WORKER_ID), epoch: 1609459200000, source: 'environment', variable: 'JEST_WORKER_ID' })
  expect(decodePK(generatePK()).workerId).toBe(Number(process.env.JEST_WORKER_ID))
})

test('jest.resetModules() and jest.isolateModules() share one increasing sequence', () => {
  const first = require('../../index.js')
  const firstSubpath = require('../../id.js')
  first.configureIdGenerator({ workerId: 99 })
  const ids = Array.from(first.generatePKs(2000))

  jest.resetModules()
  const second = require('../../index.js')
  // The registry really was reset: the subpath module is evaluated anew.
  expect(require('../../id.js')).not.toBe(firstSubpath)
  expect(second.idGeneratorConfig().workerId).toBe(99)
  ids.push(second.generatePK(), first.generatePK(), second.generatePK())

  let isolated
  jest.isolateModules(() => {
    isolated = require('../../id.js')
    ids.push(isolated.generatePK(), ...isolated.generatePKs(2000))
  })
  expect(isolated.generatePK).toBeDefined()
  ids.push(first.generatePK(), isolated.generatePK(), second.generatePK())

  for (let i = 1; i < ids.length; i++) {
    if (!(ids[i] > ids[i - 1])) throw new Error(`id ${i} (${ids[i]}) is not above ${ids[i - 1]}`)
  }
  expect(new Set(ids).size).toBe(ids.length)
  for (const id of ids) expect(Number((id >> 10n) & 4095n)).toBe(99)
})

// The addon's errors are made in Node's realm, not in the sandbox Jest runs tests in, so
// `toThrow(RangeError)` (an instanceof check against the sandbox's class) cannot match them, as
// with Node's own errors; name and code can.
test('errors thrown inside Jest carry their class name and code', () => {
  const { configureIdGenerator, generatePKs } = require('../../index.js')
  expect(() => configureIdGenerator({ workerId: 5000 })).toThrow(expect.objectContaining({ name: 'RangeError', code: 'ERR_OUT_OF_RANGE' }))
  expect(() => generatePKs('many')).toThrow(expect.objectContaining({ name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE', message: expect.stringMatching(/count must be a number/) }))
})
