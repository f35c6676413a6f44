'use strict'
// `@vrooli/fixture-native/jest`: a Jest globalSetup that validates the fixture factories before any
// test file runs.   globalSetup: '@vrooli/fixture-native/jest'
const { runGate } = require('./gate.js')

/** A globalSetup function with these options (for a project that composes several setups). */
function createGlobalSetup(options) {
  return async function fixtureNativeGlobalSetup(globalConfig, projectConfig) {
    const root = (projectConfig && projectConfig.rootDir) || (globalConfig && globalConfig.rootDir)
    runGate(options, root)
  }
}

const globalSetup = createGlobalSetup()
module.exports = globalSetup
module.exports.default = globalSetup
module.exports.createGlobalSetup = createGlobalSetup
