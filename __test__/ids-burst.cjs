'use strict'
// Test helper (not a test): one process of the uniqueness test. It starts THREADS worker_threads;
// each loads the addon on its own, calls generatePK() COUNT times, checks its own ids are strictly
// increasing, and hands them back. The process sends everything to its parent over IPC.
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads')

if (isMainThread) {
  const threads = Number(process.env.IDS_BURST_THREADS)
  const count = Number(process.env.IDS_BURST_COUNT)
  const results = []
  let pending = threads
  for (let t = 0; t < threads; t++) {
    const worker = new Worker(__filename, { workerData: { count } })
    worker.once('message', (result) => {
      results[t] = result
      if (--pending === 0) {
        const { idGeneratorConfig } = require('../index.js')
        process.send({ config: { ...idGeneratorConfig() }, results }, () => process.exit(0))
      }
    })
    worker.once('error', (err) => {
      process.send({ error: String(err && err.stack) }, () => process.exit(1))
    })
  }
} else {
  const { generatePK } = require('../index.js')
  const ids = new BigUint64Array(workerData.count)
  for (let i = 0; i < ids.length; i++) ids[i] = generatePK()
  let increasing = true
  for (let i = 1; i < ids.length; i++) {
    if (ids[i] <= ids[i - 1]) {
      increasing = false
      break
    }
  }
  parentPort.postMessage({ ids, increasing }, [ids.buffer])
}
