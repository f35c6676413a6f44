'use strict'
// Test helper (not a test): prints, as one JSON line, this process's id configuration after one
// generatePK, or the error it got. With the argument `hold` it then stays alive until killed, so a
// leased instance id stays held.
const { generatePK, idGeneratorConfig, decodePK } = require('../index.js')

let report
try {
  const id = generatePK()
  report = { ok: true, config: { ...idGeneratorConfig() }, decoded: { ...decodePK(id) } }
} catch (err) {
  report = { ok: false, name: err.name, code: err.code, message: err.message }
}
process.stdout.write(JSON.stringify(report) + '\n')
if (process.argv[2] === 'hold') setInterval(() => {}, 60_000)
