// The generator is process-wide: re-loading the module (a fresh require of index.js and of the
// .node file, as module-registry resets do), the ESM and CommonJS entry points, and the subpath
// all continue one sequence under one configuration.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import * as esm from '../index.js'

const require = createRequire(import.meta.url)

function freshLoad() {
  for (const key of Object.keys(require.cache)) {
    if (key.endsWith('.node') || /[\\/](index|id)\.js$/.test(key)) delete require.cache[key]
  }
  return { root: require('../index.js'), id: require('../id.js') }
}

test('module re-loads share one increasing sequence and one configuration', () => {
  const first = freshLoad()
  first.root.configureIdGenerator({ workerId: 33 })
  const before = first.root.generatePKs(3000)

  const second = freshLoad()
  assert.notEqual(second.root, first.root, 'the re-load produced a fresh module object')
  assert.equal(second.root.idGeneratorConfig().workerId, 33, 'configuration survives the re-load')

  // Interleave every copy: old and new CommonJS objects, the subpath, and the ESM import.
  const sources = [first.root, second.root, first.id, second.id, esm]
  const ids = [...before]
  for (let round = 0; round < 2000; round++) ids.push(sources[round % sources.length].generatePK())
  ids.push(...second.root.generatePKs(3000))
  for (let i = 1; i < ids.length; i++) assert.ok(ids[i] > ids[i - 1], `id ${i} (${ids[i]}) not above ${ids[i - 1]}`)
  for (const id of ids) assert.equal(Number((id >> 10n) & 4095n), 33)
})

test('a re-load after reconfiguring keeps ids increasing', () => {
  const first = freshLoad()
  first.root.configureIdGenerator({ workerId: 4000 })
  const high = first.root.generatePK()
  const second = freshLoad()
  // A lower instance id must not produce a lower id in the same millisecond.
  second.root.configureIdGenerator({ workerId: 1 })
  const low = second.root.generatePK()
  assert.ok(low > high)
})
