// Real Vitest, ESM imports: the instance id follows VITEST_POOL_ID, and vi.resetModules() with a
// re-import continues the process's one sequence.
import { expect, test, vi } from 'vitest'
import { decodePK, generatePK, idGeneratorConfig } from '@vrooli/fixture-native'
import * as subpath from '@vrooli/fixture-native/id'

const idVarsUnset = !process.env.FIXTURE_NATIVE_WORKER_ID && !process.env.FIXTURE_NATIVE_WORKER_RANGE && !process.env.JEST_WORKER_ID

test('the instance id is derived from VITEST_POOL_ID', () => {
  expect(process.env.VITEST_POOL_ID).toMatch(/^[1-9][0-9]*$/)
  if (!idVarsUnset) return // explicit variables take precedence by design
  expect(idGeneratorConfig()).toEqual({ workerId: Number(process.env.VITEST_POOL_ID), epoch: 1609459200000, source: 'environment', variable: 'VITEST_POOL_ID' })
  expect(decodePK(generatePK()).workerId).toBe(Number(process.env.VITEST_POOL_ID))
})

test('ESM named imports work from the root and the subpath', () => {
  expect(typeof generatePK()).toBe('bigint')
  expect(subpath.generatePK).toBe(generatePK)
  expect(subpath.DUMMY_ID).toBe('0')
  expect(subpath.validatePK(generatePK())).toBe(true)
})

test('vi.resetModules() and a re-import share one increasing sequence', async () => {
  subpath.configureIdGenerator({ workerId: 321 })
  const ids = [generatePK(), subpath.generatePK()]
  vi.resetModules()
  const again = await import('@vrooli/fixture-native/id')
  expect(again.idGeneratorConfig().workerId).toBe(321)
  ids.push(again.generatePK(), generatePK(), ...again.generatePKs(3000), subpath.generatePK())
  for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1]).toBe(true)
  expect(new Set(ids).size).toBe(ids.length)
})
