'use strict'
// `@vrooli/fixture-native/vitest`: a Vitest (3 and 4) globalSetup that validates the fixture
// factories before any test file runs.   test: { globalSetup: ['@vrooli/fixture-native/vitest'] }
const { runGate } = require('./gate.js')

/** A globalSetup function with these options (for a project that composes several setups). */
function createGlobalSetup(options) {
  // Vitest passes its TestProject (3.x and 4.x: `project.config.root`).
  return async function fixtureNativeGlobalSetup(project) {
    const root = project && project.config && project.config.root
    runGate(options, root)
    // Nothing to tear down.
  }
}

const setup = createGlobalSetup()
module.exports = setup
module.exports.default = setup
module.exports.setup = setup
module.exports.createGlobalSetup = createGlobalSetup
