// `@vrooli/fixture-native/verify` for ES modules (what Vitest loads): the same functions as verify.js.
// Under Vitest without `globals: true` there is no global describe/test/vi: they come from the
// `vitest` module itself, the same instance the test file imports.
import verify from './verify.js'

const vitest = process.env.VITEST && typeof globalThis.describe !== 'function' ? await import('vitest') : undefined

/** As verify.js's: the checks of every factory in rolled-back transactions, and the report. */
export function verifyFactories(options) {
  return verify.verifyFactories({ runner: vitest, ...options })
}

/** As verify.js's: one describe per factory, one test per method, with the runner's functions. */
export function describeFactories(options) {
  return verify.describeFactories({ runner: vitest, ...options })
}

export const METHODS = verify.METHODS
export default { verifyFactories, describeFactories, METHODS }
