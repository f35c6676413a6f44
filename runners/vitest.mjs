// `@vrooli/fixture-native/vitest` for ESM (what Vitest loads): the same functions as vitest.js.
import vitest from './vitest.js'

export const setup = vitest.setup
export const createGlobalSetup = vitest.createGlobalSetup
export default vitest.setup
